import type { FoldedChunks } from './foldChunks'
import type { DocumentRef, SearchDocument } from './SearchDocument'
import type { SearchReaders } from './SearchSources'

/**
 * UTF-16 units of text kept, about 320 MB at most: every text of a 10,000-article library,
 * as stored and folded (the benchmark's 90 MB of UTF-8 are 62 million units, 124 MB in
 * memory, twice), so that once they are read in (see `fill`) a search checks phrases and
 * cuts snippets without reading a file or folding text it will turn down; in a larger
 * library, the texts used last. The index itself takes about as much as the text it holds.
 */
export const READ_CACHE_UNITS = 160 * 1024 * 1024

interface Cached {
  value: Promise<unknown>
  units: number
}

/**
 * The library's texts, read in the background after the index loads, and the texts and
 * documents searches read since, least recently used ones dropped past a budget. The index forgets an article's entries whenever it is told the article or what
 * is in it changed, and a read that began before such a change is not kept, so what is
 * served is never older than what the index holds. Documents of no article (sources,
 * notebooks) are read each time: they are few, and small.
 */
export class ReadCache implements SearchReaders {
  readonly #readers: SearchReaders
  readonly #budget: number
  readonly #entries = new Map<string, Cached>()
  /** Bumped at each change of an article, so that a read begun before it is not kept. */
  readonly #generations = new Map<string, number>()
  #units = 0
  hits = 0
  misses = 0

  constructor(readers: SearchReaders, budget = READ_CACHE_UNITS) {
    this.#readers = readers
    this.#budget = budget
  }

  readText(articleId: string): Promise<string | undefined> {
    return this.#count(this.#readText(articleId))
  }

  articleDocuments(articleId: string): Promise<SearchDocument[]> {
    return this.#count(
      this.#read(
        `d:${articleId}`,
        articleId,
        () => this.#readers.articleDocuments(articleId),
        (docs) => docs.reduce((sum, doc) => sum + unitsOf(doc), 0)
      )
    )
  }

  /**
   * The article's text folded by `fold` (see `foldChunks`), made from its text once and
   * kept beside it; `undefined` once the article is gone.
   */
  foldedText(
    articleId: string,
    fold: (text: string) => Promise<FoldedChunks>
  ): Promise<FoldedChunks | undefined> {
    return this.#foldedText(articleId, fold).value
  }

  /**
   * Reads the texts of these articles in, one at a time, while they fit in the budget and
   * until `stopped` says so: a background task's, which never waits on more than one file
   * at once (a save's write never queues behind many reads) and evicts nothing.
   */
  async fill(
    articleIds: Iterable<string>,
    fold: (text: string) => Promise<FoldedChunks>,
    stopped: () => boolean
  ): Promise<void> {
    for (const articleId of articleIds) {
      if (stopped() || this.#units >= this.#budget) return
      if (this.#entries.has(`f:${articleId}`)) continue
      await this.#foldedText(articleId, fold).value.catch(() => undefined)
    }
  }

  readDocument(ref: DocumentRef): Promise<SearchDocument | undefined> {
    return this.#readers.readDocument(ref)
  }

  /** The article, or what is in it, changed: its text and documents are read again. */
  forget(articleId: string): void {
    this.#generations.set(articleId, (this.#generations.get(articleId) ?? 0) + 1)
    this.#drop(`t:${articleId}`)
    this.#drop(`f:${articleId}`)
    this.#drop(`d:${articleId}`)
  }

  #readText(articleId: string): { hit: boolean; value: Promise<string | undefined> } {
    return this.#read(
      `t:${articleId}`,
      articleId,
      () => this.#readers.readText(articleId),
      (text) => (text === undefined ? 0 : text.length)
    )
  }

  #foldedText(
    articleId: string,
    fold: (text: string) => Promise<FoldedChunks>
  ): { hit: boolean; value: Promise<FoldedChunks | undefined> } {
    return this.#read(
      `f:${articleId}`,
      articleId,
      async () => {
        const text = await this.#readText(articleId).value
        return text === undefined ? undefined : fold(text)
      },
      (folded) => (folded === undefined ? 0 : folded.units)
    )
  }

  #count<T>({ hit, value }: { hit: boolean; value: Promise<T> }): Promise<T> {
    if (hit) this.hits++
    else this.misses++
    return value
  }

  #read<T>(
    key: string,
    articleId: string,
    read: () => Promise<T>,
    units: (value: T) => number
  ): { hit: boolean; value: Promise<T> } {
    const cached = this.#entries.get(key)
    if (cached) {
      // Most recently used last.
      this.#entries.delete(key)
      this.#entries.set(key, cached)
      return { hit: true, value: cached.value as Promise<T> }
    }
    const generation = this.#generations.get(articleId) ?? 0
    const value = read()
    const entry: Cached = { value, units: 0 }
    this.#entries.set(key, entry)
    value.then(
      (result) => {
        if (this.#entries.get(key) !== entry) return
        if ((this.#generations.get(articleId) ?? 0) !== generation) return this.#drop(key)
        entry.units = units(result)
        this.#units += entry.units
        this.#evict()
      },
      () => {
        if (this.#entries.get(key) === entry) this.#drop(key)
      }
    )
    return { hit: false, value }
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#units -= entry.units
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#units <= this.#budget) return
      this.#drop(key)
    }
  }
}

function unitsOf(doc: SearchDocument): number {
  switch (doc.kind) {
    case 'article':
    case 'note':
    case 'notebook':
      return doc.text.length
    case 'highlight':
      return doc.quote.length + doc.note.length
    case 'claim':
      return doc.quote.length + doc.statement.length
    case 'source':
      return doc.name.length
  }
}
