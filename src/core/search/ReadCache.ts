import type { DocumentRef, SearchDocument } from './SearchDocument'
import type { SearchReaders } from './SearchSources'

/**
 * UTF-16 units of text kept, about 16 MB at most: the articles of a few queries' first
 * pages. While the analyst types, each keystroke's query finds mostly the articles the last
 * one found, and a 500 KB report that matches many words is read once, not at every key.
 */
export const READ_CACHE_UNITS = 8 * 1024 * 1024

interface Cached {
  value: Promise<unknown>
  units: number
}

/**
 * The texts and documents a search read last, least recently used ones dropped past a
 * budget. The index forgets an article's entries whenever it is told the article or what
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
    return this.#read(
      `t:${articleId}`,
      articleId,
      () => this.#readers.readText(articleId),
      (text) => (text === undefined ? 0 : text.length)
    )
  }

  articleDocuments(articleId: string): Promise<SearchDocument[]> {
    return this.#read(
      `d:${articleId}`,
      articleId,
      () => this.#readers.articleDocuments(articleId),
      (docs) => docs.reduce((sum, doc) => sum + unitsOf(doc), 0)
    )
  }

  readDocument(ref: DocumentRef): Promise<SearchDocument | undefined> {
    return this.#readers.readDocument(ref)
  }

  /** The article, or what is in it, changed: its text and documents are read again. */
  forget(articleId: string): void {
    this.#generations.set(articleId, (this.#generations.get(articleId) ?? 0) + 1)
    this.#drop(`t:${articleId}`)
    this.#drop(`d:${articleId}`)
  }

  #read<T>(
    key: string,
    articleId: string,
    read: () => Promise<T>,
    units: (value: T) => number
  ): Promise<T> {
    const cached = this.#entries.get(key)
    if (cached) {
      this.hits++
      // Most recently used last.
      this.#entries.delete(key)
      this.#entries.set(key, cached)
      return cached.value as Promise<T>
    }
    this.misses++
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
    return value
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
