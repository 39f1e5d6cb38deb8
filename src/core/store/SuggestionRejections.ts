import type { AnnotationFiles } from './AnnotationFiles'
import type { ArticleStore } from './ArticleStore'
import { commitChange } from './commitChange'

/**
 * The attribution finder's suggestions the analyst rejected, by key, kept in each article's
 * annotation file: a rejection is about one article's text, and goes with it to the Trash.
 */
export class SuggestionRejections {
  readonly #articles: ArticleStore
  readonly #files: AnnotationFiles

  constructor(articles: ArticleStore, files: AnnotationFiles) {
    this.#articles = articles
    this.#files = files
  }

  async list(articleId: string): Promise<ReadonlySet<string>> {
    const file = await this.#files.get(this.#articles.find(articleId))
    return new Set(file.data.rejectedSuggestions)
  }

  /** Remembers the rejection; rejecting a suggestion again changes nothing. */
  async add(articleId: string, key: string): Promise<void> {
    const file = await this.#files.get(this.#articles.find(articleId))
    const before = file.data.rejectedSuggestions
    if (before?.includes(key)) return
    file.data.rejectedSuggestions = [...(before ?? []), key]
    await commitChange(file, () => {
      if (before) file.data.rejectedSuggestions = before
      else delete file.data.rejectedSuggestions
    })
  }
}
