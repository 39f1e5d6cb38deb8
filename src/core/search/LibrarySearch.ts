import { join } from 'node:path'
import type { DocumentRef, SearchDocument } from './SearchDocument'
import { SearchIndex } from './SearchIndex'
import { readSearchIndexFile, SEARCH_INDEX_FILE, writeSearchIndexFile } from './searchIndexFile'
import type { SearchProgress } from '../../shared/search'
import type { SearchOptions, SearchResults } from './SearchResults'
import type { SearchSources } from './SearchSources'
import { formatCount } from '../../shared/formatCount'

export interface LibrarySearchOptions {
  /** The library folder; the index is kept there in `search-index.ndjson`. */
  dataDir: string
  sources: SearchSources
  /** Told how a rebuild or catch-up advances, in articles. */
  onProgress?: (progress: SearchProgress) => void
  /** Quiet time after a change before the index is written; 10 s unless given. */
  persistAfterMs?: number
  /** Where to tell what the analyst should know (the library's notices); a list of its own unless given. */
  notices?: string[]
}

export type { SearchProgress } from '../../shared/search'

const PERSIST_AFTER_MS = 10_000
/** Under a steady stream of changes, the index is still written this often. */
const PERSIST_AT_LATEST_MS = 60_000
/** Stands for the documents of no article in the set of what changed. */
const LOOSE = ''

/**
 * The search of one library: the index loaded from its file at start (then brought up to
 * date with what the library says changed since), or rebuilt from the library in the
 * background when the file is missing, damaged or of another format; kept current by the
 * store's calls, and written back a while after changes. No call waits for a write, and a
 * save never needs to wait for the index: `put` and `remove` may be left unawaited.
 */
export class LibrarySearch {
  /** What went wrong that the analyst should know about (a damaged index, a failed write). */
  readonly notices: string[]
  readonly #sources: SearchSources
  readonly #file: string
  readonly #options: LibrarySearchOptions
  #index: Promise<SearchIndex>
  #ready: Promise<void>
  #progress: SearchProgress = { state: 'loading', done: 0, total: 0 }
  /** Articles (and `LOOSE`) changed directly while a rebuild or catch-up reads them. */
  #touched = new Set<string>()
  #complete = false
  #closing = false
  #persistedChanges = 0
  #persisting: Promise<void> | undefined
  #timer: NodeJS.Timeout | undefined
  #firstUnsaved: number | undefined
  /** Articles to read again from the library: all their documents, or only what is anchored in them. */
  readonly #stale = new Map<string, 'all' | 'anchored'>()
  #looseStale = false
  #draining: Promise<void> | undefined
  /** The texts being read into memory once the index is complete. */
  #holding: Promise<void> = Promise.resolve()

  private constructor(options: LibrarySearchOptions) {
    this.#options = options
    this.notices = options.notices ?? []
    this.#sources = options.sources
    this.#file = join(options.dataDir, SEARCH_INDEX_FILE)
    let loaded!: (index: SearchIndex) => void
    this.#index = new Promise((resolve) => (loaded = resolve))
    this.#ready = this.#start(loaded)
  }

  /** Starts loading (or rebuilding) the index of the library in `dataDir`; searches wait for the load. */
  static open(options: LibrarySearchOptions): LibrarySearch {
    return new LibrarySearch(options)
  }

  get progress(): SearchProgress {
    return { ...this.#progress }
  }

  /** Resolves once the index is complete: loaded and caught up, or rebuilt. */
  ready(): Promise<void> {
    return this.#ready
  }

  /** Indexes a document, or its new version; resolves once it can be found. */
  put(doc: SearchDocument): Promise<void> {
    this.#touch(doc.kind === 'article' ? doc.id : ('articleId' in doc && doc.articleId) || LOOSE)
    return this.#change((index) => index.put(doc))
  }

  /** Removes a document; an article goes with everything anchored in it. */
  remove(ref: DocumentRef): Promise<void> {
    this.#touch(ref.kind === 'article' ? ref.id : (ref.articleId ?? LOOSE))
    return this.#change((index) => index.remove(ref))
  }

  /**
   * The library changed these articles (imported, edited, trashed, restored): each is read
   * again, all of it, and leaves the index if it left the library. The reads run after the
   * change, a few at a time, and a burst of changes to one article is read once.
   */
  refreshArticles(articleIds: readonly string[]): void {
    for (const id of articleIds) this.#stale.set(id, 'all')
    this.#drain()
  }

  /** What is anchored in an article changed (highlights, claims, its note): read again, not its text. */
  refreshAnchored(articleId: string): void {
    if (this.#stale.get(articleId) !== 'all') this.#stale.set(articleId, 'anchored')
    this.#drain()
  }

  /** A document of no article changed (a source, a notebook): those are read again. */
  refreshLoose(): void {
    this.#looseStale = true
    this.#drain()
  }

  /** Resolves once every refresh asked for so far is in the index. */
  async settled(): Promise<void> {
    while (this.#draining) await this.#draining
    await (await this.#index).settled()
  }

  /**
   * Resolves once the library's texts are in memory, as many as fit (or the index closed):
   * until then a search reads from files the texts it has not read before.
   */
  async textsHeld(): Promise<void> {
    await this.#ready
    await this.#holding
  }

  /** Finds `query` (see `SearchIndex.search`); `partial` while the index is not complete. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    const results = await (await this.#index).search(query, options)
    return { ...results, partial: !this.#complete }
  }

  /** How many of the texts and documents searches needed were found already read (see `ReadCache`). */
  async readCounts(): Promise<{ hits: number; misses: number }> {
    return (await this.#index).readCounts
  }

  /** Writes the index now if it changed since it was last written (and it is complete). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#persist()
  }

  /** Stops a rebuild (the next start rebuilds again) or writes what changed, then resolves. */
  async close(): Promise<void> {
    this.#closing = true
    await this.#ready
    await this.#holding
    await this.flush()
  }

  async #start(loaded: (index: SearchIndex) => void): Promise<void> {
    const found = await readSearchIndexFile(this.#file, this.#sources)
    let finished: boolean
    try {
      if ('index' in found) {
        loaded(found.index)
        finished = await this.#catchUp(found.index, found.since)
      } else {
        if (found.problem !== 'missing')
          this.notices.push(
            `The search index was ${found.problem} (${found.detail}); it is rebuilt from the library.`
          )
        const index = new SearchIndex(this.#sources)
        loaded(index)
        finished = await this.#reindex(index, 'rebuilding', await this.#sources.articleIds())
      }
    } catch (error) {
      this.notices.push(`The search index could not be brought up to date: ${String(error)}`)
      return
    }
    if (!finished) return
    this.#complete = true
    this.#touched.clear()
    this.#progress = { state: 'ready', done: this.#progress.done, total: this.#progress.total }
    this.#report()
    const index = await this.#index
    // Only now, so that reading the texts never delays the load or the rebuild.
    this.#holding = index.holdTexts(() => this.#closing)
    if (index.changes !== this.#persistedChanges) await this.#persist()
  }

  /** Removes what left the library, re-reads what changed or is missing, then the loose documents. */
  async #catchUp(index: SearchIndex, since: number): Promise<boolean> {
    const live = new Set(await this.#sources.articleIds())
    const changed = await this.#sources.changedSince(since)
    const indexed = new Set(index.articleIds())
    for (const id of indexed) if (!live.has(id)) void index.removeArticle(id)
    const stale = new Set(changed.articleIds.filter((id) => live.has(id)))
    for (const id of live) if (!indexed.has(id)) stale.add(id)
    return this.#reindex(index, 'catching-up', [...stale], changed.loose)
  }

  /** Re-reads the articles and the loose documents; `false` when stopped by `close`. */
  async #reindex(
    index: SearchIndex,
    state: SearchProgress['state'],
    ids: string[],
    loose = true
  ): Promise<boolean> {
    this.#progress = { state, done: 0, total: ids.length }
    this.#report()
    let failed = 0
    for (const id of ids) {
      if (this.#closing) return false
      try {
        await this.#reindexArticle(index, id)
      } catch {
        failed++
      }
      this.#progress.done++
      this.#report()
    }
    if (failed > 0)
      this.notices.push(`${formatCount(failed, 'article')} could not be read for the search index.`)
    if (loose) await this.#reindexLoose(index)
    return true
  }

  /** Reads again while the article changes under the read, so the newest version is what is indexed. */
  async #reindexArticle(index: SearchIndex, articleId: string): Promise<void> {
    let docs: SearchDocument[]
    do {
      this.#touched.delete(articleId)
      docs = await this.#sources.articleDocuments(articleId)
    } while (this.#touched.has(articleId))
    await Promise.all([index.removeArticle(articleId), ...docs.map((doc) => index.put(doc))])
  }

  async #reindexLoose(index: SearchIndex): Promise<void> {
    let docs: SearchDocument[]
    do {
      this.#touched.delete(LOOSE)
      docs = await this.#sources.looseDocuments()
    } while (this.#touched.has(LOOSE))
    await Promise.all([index.removeLoose(), ...docs.map((doc) => index.put(doc))])
  }

  /** Reads what was marked stale, one article at a time, until nothing is. */
  #drain(): void {
    this.#draining ??= (async () => {
      const index = await this.#index
      while (this.#stale.size > 0 || this.#looseStale) {
        for (const [id, what] of this.#stale) {
          this.#stale.delete(id)
          this.#touch(id)
          await this.#change(async () => {
            if (what === 'all') await this.#reindexArticle(index, id)
            else await this.#reindexAnchored(index, id)
          })
        }
        if (this.#looseStale) {
          this.#looseStale = false
          this.#touch(LOOSE)
          await this.#change(() => this.#reindexLoose(index))
        }
      }
    })().finally(() => (this.#draining = undefined))
  }

  async #reindexAnchored(index: SearchIndex, articleId: string): Promise<void> {
    const docs = (await this.#sources.articleDocuments(articleId)).filter(
      (doc) => doc.kind !== 'article'
    )
    await Promise.all([index.removeAnchored(articleId), ...docs.map((doc) => index.put(doc))])
  }

  #touch(key: string): void {
    if (!this.#complete) this.#touched.add(key)
  }

  /** Never rejects, since a store may leave it unawaited: a failure becomes a notice. */
  async #change(apply: (index: SearchIndex) => Promise<void>): Promise<void> {
    try {
      await apply(await this.#index)
    } catch (error) {
      this.notices.push(`The search index could not take a change: ${String(error)}`)
      return
    }
    this.#schedulePersist()
  }

  #schedulePersist(): void {
    if (!this.#complete || this.#closing) return
    const now = Date.now()
    this.#firstUnsaved ??= now
    const delay = Math.min(
      this.#options.persistAfterMs ?? PERSIST_AFTER_MS,
      this.#firstUnsaved + PERSIST_AT_LATEST_MS - now
    )
    clearTimeout(this.#timer)
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined
        void this.#persist()
      },
      Math.max(0, delay)
    )
    // A pending write must not keep a command-line process alive; close() flushes it.
    this.#timer.unref()
  }

  /** One write at a time: a write asked for during another follows it. */
  #persist(): Promise<void> {
    const next = (this.#persisting ?? Promise.resolve()).then(() => this.#writeIfChanged())
    this.#persisting = next
    return next
  }

  async #writeIfChanged(): Promise<void> {
    const index = await this.#index
    if (!this.#complete || index.changes === this.#persistedChanges) return
    this.#firstUnsaved = undefined
    try {
      this.#persistedChanges = await writeSearchIndexFile(this.#file, index)
    } catch (error) {
      this.notices.push(`The search index could not be written: ${String(error)}`)
    }
  }

  #report(): void {
    this.#options.onProgress?.(this.progress)
  }
}
