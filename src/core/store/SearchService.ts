import type { SearchAnswer, SearchOptions, SearchProgress } from '../../shared/search'
import { LibrarySearch } from '../search/LibrarySearch'
import type { SearchSources } from '../search/SearchSources'

/**
 * The library's search index, `search-index.ndjson` (derived data, see LibrarySearch):
 * opened on first use (a host starts it in the background after opening the library; a
 * command that never searches never loads it), then kept current by the façade's calls
 * after each change. Before it is opened, changes need no telling: the index catches up
 * from the files' times when it loads. No call here waits for the index.
 */
export class SearchService {
  readonly #dataDir: string
  readonly #sources: SearchSources
  readonly #notices: string[]
  #search: LibrarySearch | undefined
  #closed = false

  constructor(dataDir: string, sources: SearchSources, notices: string[]) {
    this.#dataDir = dataDir
    this.#sources = sources
    this.#notices = notices
  }

  /** Loads the index (or rebuilds it in the background) unless that has begun already. */
  start(): LibrarySearch {
    this.#search ??= LibrarySearch.open({
      dataDir: this.#dataDir,
      sources: this.#sources,
      notices: this.#notices
    })
    return this.#search
  }

  get progress(): SearchProgress {
    return this.#search?.progress ?? { state: 'idle', done: 0, total: 0 }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchAnswer> {
    const search = this.start()
    const results = await search.search(query, options)
    return { ...results, progress: search.progress }
  }

  /** Articles imported, edited, moved to or from the Trash. */
  articles(ids: readonly string[]): void {
    if (ids.length > 0) this.#search?.refreshArticles(ids)
  }

  /** An article's highlights, claims or note changed. */
  anchored(articleId: string): void {
    this.#search?.refreshAnchored(articleId)
  }

  /** A source or a notebook changed; `claimsIn` are articles whose claims name a changed source. */
  loose(claimsIn: Iterable<string> = []): void {
    this.#search?.refreshLoose()
    for (const articleId of new Set(claimsIn)) this.#search?.refreshAnchored(articleId)
  }

  /** Everything may have changed (a backup restored). */
  everything(articleIds: readonly string[]): void {
    this.articles(articleIds)
    this.#search?.refreshLoose()
  }

  /** Resolves once every change told so far is in the index (tests, the command line). */
  async settled(): Promise<void> {
    if (!this.#search) return
    await this.#search.ready()
    await this.#search.settled()
  }

  /** Stops a rebuild or writes what changed; the library's lock is held until it is done. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#search?.settled().catch(() => undefined)
    await this.#search?.close()
  }
}
