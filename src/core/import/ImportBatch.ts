import type { ImportOutcome } from '../../shared/importing'
import type { Library, NewArticle } from '../store/Library'
import { ImportRefusal } from './ImportRefusal'

/** Articles stored per index write; the index is rewritten once per batch, not per file. */
const MAX_BATCH_ARTICLES = 500
/** Text held in memory before a batch is stored, so large files do not pile up. */
const MAX_BATCH_CHARS = 16 * 1024 * 1024

/**
 * Collects prepared articles and stores them in batches, keeping one outcome per file in
 * the order the files came. An outcome is reported only once its article is on disk.
 */
export class ImportBatch {
  readonly #library: Library
  readonly #outcomes: (ImportOutcome | undefined)[] = []
  #pending: { at: number; name: string; article: NewArticle; notices: readonly string[] }[] = []
  #pendingChars = 0

  constructor(library: Library) {
    this.#library = library
  }

  /**
   * Adds one file; `prepare` may throw an ImportRefusal, which becomes its outcome. What it
   * says about the file (`notices`: front matter kept as text…) goes with the outcome.
   */
  async add(
    name: string,
    prepare: () => NewArticle | { article: NewArticle; notices: readonly string[] }
  ): Promise<void> {
    let article: NewArticle
    let notices: readonly string[] = []
    try {
      const prepared = prepare()
      if ('article' in prepared) ({ article, notices } = prepared)
      else article = prepared
    } catch (error) {
      if (!(error instanceof ImportRefusal)) throw error
      this.refuse(name, error)
      return
    }
    this.#pending.push({ at: this.#outcomes.length, name, article, notices })
    this.#outcomes.push(undefined)
    this.#pendingChars += article.text.length
    if (this.#pending.length >= MAX_BATCH_ARTICLES || this.#pendingChars >= MAX_BATCH_CHARS)
      await this.flush()
  }

  refuse(name: string, refusal: ImportRefusal): void {
    this.#outcomes.push({
      status: 'refused',
      name,
      reason: refusal.reason,
      message: refusal.message
    })
  }

  /** Stores what is pending; call it once more at the end. */
  async flush(): Promise<ImportOutcome[]> {
    const batch = this.#pending
    this.#pending = []
    this.#pendingChars = 0
    const added = await this.#library.addArticles(batch.map((entry) => entry.article))
    batch.forEach(({ at, name, notices }, i) => {
      const outcome = added[i]!
      this.#outcomes[at] =
        outcome.status === 'imported'
          ? {
              status: 'imported',
              name,
              article: outcome.article,
              ...(notices.length > 0 ? { notices: [...notices] } : {})
            }
          : {
              status: 'duplicate',
              name,
              articleId: outcome.article.id,
              title: outcome.article.title,
              ...(outcome.article.deletedAt === undefined ? {} : { trashed: true as const })
            }
    })
    return this.#outcomes.filter((outcome): outcome is ImportOutcome => outcome !== undefined)
  }
}
