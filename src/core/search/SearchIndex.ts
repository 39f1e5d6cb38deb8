import { collectCandidates, type Candidate } from './collectCandidates'
import { foldChunks, type FoldedChunks } from './foldChunks'
import { EntryIndex, type SnapshotHeader, type SnapshotLine } from './EntryIndex'
import {
  articleFacts,
  chunkEntryId,
  entryId,
  indexEntriesOf,
  type ArticleFacts,
  type StoredFields
} from './IndexEntry'
import { parseQuery } from './parseQuery'
import { ReadCache } from './ReadCache'
import type { DocumentRef, SearchDocument } from './SearchDocument'
import { matchesFilters } from './matchesFilters'
import type { SearchFilters, SearchOptions, SearchResults } from './SearchResults'
import { TimeSlicer } from './TimeSlicer'
import type { SearchReaders } from './SearchSources'
import { verifyGroup, type QuotedSpan, type RankedGroup } from './verifyGroup'

const DEFAULT_LIMIT = 20
/** Groups read beyond the limit when phrases turn candidates down, before giving up. */
const MAX_GROUPS_READ_FACTOR = 10
/** A batch of groups read at once is at most this many times the groups still needed. */
const MAX_BATCH_FACTOR = 4
/** Discarded entries MiniSearch keeps until vacuumed; vacuum past this many. */
const VACUUM_AFTER = 2000
/** A few terms per batch: a common term's postings name thousands of entries. */
const VACUUM_BATCHES = { batchSize: 10, batchWait: 1 }

/** One line of a snapshot: MiniSearch's counts, its entries or postings, or article facts. */
export type IndexLine = ['h', SnapshotHeader] | SnapshotLine | ['a', [string, ArticleFacts][]]

/** A snapshot being read: its header, then its lines (the article facts are collected). */
export interface IndexSnapshot {
  header: SnapshotHeader
  lines: AsyncIterable<SnapshotLine>
  /** Filled while `lines` is read. */
  articles: [string, ArticleFacts][]
}

/**
 * The search index of one library, in memory: MiniSearch over the documents (an article's
 * text in chunks), with the few facts per article that titles and filters need. Changes
 * are applied one at a time, in the order they were asked for, each in slices that keep
 * the event loop free; searches run at any time on what is indexed so far.
 */
export class SearchIndex {
  #entries: EntryIndex
  #articles: Map<string, ArticleFacts>
  /** Entry ids of the documents anchored in each article, to remove them with it. */
  #inArticle = new Map<string, Set<string>>()
  /** Entry ids of the documents of no article. */
  #loose = new Set<string>()
  #queue: Promise<unknown> = Promise.resolve()
  #changes = 0
  /** One for all changes, so that many small ones in a row yield too. */
  readonly #slicer = new TimeSlicer()
  readonly #readers: ReadCache
  readonly #fold = (text: string): Promise<FoldedChunks> => foldChunks(text, this.#slicer)

  constructor(
    readers: SearchReaders,
    entries = new EntryIndex(),
    articles = new Map<string, ArticleFacts>()
  ) {
    this.#readers = new ReadCache(readers)
    this.#entries = entries
    this.#articles = articles
  }

  /** An index from a snapshot; throws when the snapshot cannot be trusted. */
  static async restore(readers: SearchReaders, snapshot: IndexSnapshot): Promise<SearchIndex> {
    const slicer = new TimeSlicer()
    const entries = await EntryIndex.fromSnapshot(snapshot.header, snapshot.lines, slicer)
    const index = new SearchIndex(readers, entries, new Map(snapshot.articles))
    for (const [id, stored] of entries.storedEntries()) index.#track(id, stored)
    return index
  }

  /** Changes applied since the index was made; a persisted copy is current while equal. */
  get changes(): number {
    return this.#changes
  }

  /** Ids of the articles indexed. */
  articleIds(): string[] {
    return [...this.#articles.keys()]
  }

  /** Adds a document, or replaces its earlier version; an article keeps what is anchored in it. */
  put(doc: SearchDocument): Promise<void> {
    const articleId = doc.kind === 'article' ? doc.id : 'articleId' in doc && doc.articleId
    if (articleId) this.#readers.forget(articleId)
    return this.#enqueue(async () => {
      // The slice starts here, so the first entry's time counts in it.
      await this.#slicer.pause()
      this.#discardDocument(doc)
      const entries = indexEntriesOf(doc)
      if (doc.kind === 'article') this.#articles.set(doc.id, articleFacts(doc, entries.length))
      for (const entry of entries) {
        this.#entries.add(entry)
        this.#track(entry.id, entry)
        await this.#slicer.pause()
      }
      this.#changes++
    })
  }

  /** Removes one document; an article goes with everything anchored in it (see `removeArticle`). */
  remove(ref: DocumentRef): Promise<void> {
    if (ref.kind === 'article') return this.removeArticle(ref.id)
    if (ref.articleId !== undefined) this.#readers.forget(ref.articleId)
    return this.#enqueue(async () => this.#discard(entryId(ref)))
  }

  /** Removes an article and every highlight, claim and note in it (the Trash, a deletion). */
  removeArticle(articleId: string): Promise<void> {
    this.#readers.forget(articleId)
    return this.#enqueue(async () => {
      this.#discardArticleText(articleId)
      for (const id of this.#inArticle.get(articleId) ?? []) this.#discard(id)
      this.#inArticle.delete(articleId)
    })
  }

  /** Removes what is anchored in an article (highlights, claims, notes), keeping its text. */
  removeAnchored(articleId: string): Promise<void> {
    this.#readers.forget(articleId)
    return this.#enqueue(async () => {
      for (const id of this.#inArticle.get(articleId) ?? []) this.#discard(id)
    })
  }

  /** Removes every document of no article, before they are all put again. */
  removeLoose(): Promise<void> {
    return this.#enqueue(async () => {
      for (const id of this.#loose) this.#discard(id)
    })
  }

  /**
   * Finds `query` (see `parseQuery`) and returns the best `limit` groups, each article's hits
   * together, with snippets read from the library's current texts.
   */
  async search(
    query: string,
    options: SearchOptions = {}
  ): Promise<Omit<SearchResults, 'partial'>> {
    const parsed = parseQuery(query)
    if (parsed.terms.length === 0) return { groups: [], total: 0 }
    const spans = new Map<string, QuotedSpan[]>()
    const quotedSpans = (articleId: string): QuotedSpan[] => {
      let found = spans.get(articleId)
      if (!found) spans.set(articleId, (found = this.#quotedSpans(articleId, options)))
      return found
    }
    const limit = options.limit ?? DEFAULT_LIMIT
    const { candidates, total } = collectCandidates(
      this.#entries,
      parsed,
      options,
      this.#articles,
      (articleId) => quotedSpans(articleId).length > 0,
      limit * MAX_GROUPS_READ_FACTOR
    )
    const context = {
      query: parsed,
      readers: this.#readers,
      articles: this.#articles,
      quotedSpans,
      foldedText: (articleId: string) => this.#readers.foldedText(articleId, this.#fold)
    }
    const groups = new Map<string, Candidate[]>()
    for (const candidate of candidates) {
      const key = candidate.articleId ?? `${candidate.kind}:${candidate.id}`
      const group = groups.get(key)
      if (group) group.push(candidate)
      else groups.set(key, [candidate])
    }
    const pending = [...groups.values()].slice(0, limit * MAX_GROUPS_READ_FACTOR)
    let accepted: RankedGroup[] = []
    let read = 0
    while (accepted.length < limit && read < pending.length) {
      // As many as the share confirmed so far says are needed (phrases turn many down), so
      // that a query whose candidates mostly fail waits for a few rounds of reads, not ten.
      const needed = limit - accepted.length
      const share = read === 0 ? 1 : accepted.length / read
      const size = Math.min(needed * MAX_BATCH_FACTOR, Math.ceil(needed / Math.max(share, 0.01)))
      const batch = pending.slice(read, read + size)
      read += batch.length
      const verified = await Promise.all(batch.map((group) => verifyGroup(group, context)))
      for (const group of verified) if (group) accepted.push(group)
    }
    // The first `limit` confirmed, in candidate order, as if read one batch of the rest at a time.
    accepted = accepted.slice(0, limit)
    // Title hits first, then exact phrases, then by score: stable, so ties keep the index's order.
    accepted.sort(
      (a, b) =>
        Number(b.titleHit) - Number(a.titleHit) ||
        Number(b.wholePhrase) - Number(a.wholePhrase) ||
        b.score - a.score
    )
    return { groups: accepted.slice(0, limit).map((ranked) => ranked.group), total }
  }

  /**
   * Writes a snapshot through `write`, line by line, while no change is applied, so that it
   * is of one moment: MiniSearch's counts, its entries and postings, then the article facts.
   * Resolves to the change count it holds.
   */
  snapshot(write: (line: IndexLine) => void): Promise<number> {
    return this.#enqueue(async () => {
      const changes = this.#changes
      if (this.#entries.dirtCount > 0) await this.#entries.vacuum(VACUUM_BATCHES)
      write(['h', this.#entries.header()])
      for await (const line of this.#entries.snapshotLines(this.#slicer)) write(line)
      write(['a', [...this.#articles]])
      return changes
    })
  }

  /**
   * Reads the indexed articles' texts into memory while they fit (see `ReadCache`), so that
   * searches read no file; stops when `stopped` says so.
   */
  holdTexts(stopped: () => boolean): Promise<void> {
    return this.#readers.fill(this.#articles.keys(), this.#fold, stopped)
  }

  /** How often a search found the text or documents it needed already read. */
  get readCounts(): { hits: number; misses: number } {
    return { hits: this.#readers.hits, misses: this.#readers.misses }
  }

  /** Resolves once every change asked for so far is applied. */
  settled(): Promise<void> {
    return this.#enqueue(async () => undefined)
  }

  /** The highlights and claims in an article that pass the filters, in text order. */
  #quotedSpans(articleId: string, filters: SearchFilters): QuotedSpan[] {
    const spans: QuotedSpan[] = []
    for (const id of this.#inArticle.get(articleId) ?? []) {
      const stored = this.#entries.getStoredFields(id) as StoredFields | undefined
      if (!stored || (stored.k !== 'highlight' && stored.k !== 'claim')) continue
      if (stored.s === undefined || stored.e === undefined) continue
      if (!matchesFilters(stored, filters, this.#articles)) continue
      spans.push({
        kind: stored.k,
        id: id.slice(stored.k.length + 1),
        start: stored.s,
        end: stored.e
      })
    }
    return spans.sort((a, b) => a.start - b.start)
  }

  /** Runs `task` after every earlier one; a vacuum, when due, runs after it unawaited. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task)
    this.#queue = run
      .catch(() => undefined)
      .then(() => this.#vacuumIfDirty())
      .catch(() => undefined)
    return run
  }

  async #vacuumIfDirty(): Promise<void> {
    if (this.#entries.dirtCount >= VACUUM_AFTER) await this.#entries.vacuum(VACUUM_BATCHES)
  }

  #discardDocument(doc: SearchDocument): void {
    if (doc.kind === 'article') this.#discardArticleText(doc.id)
    else this.#discard(entryId(doc))
  }

  #discardArticleText(articleId: string): void {
    const facts = this.#articles.get(articleId)
    if (!facts) return
    for (let n = 0; n < facts.chunks; n++) this.#discard(chunkEntryId(articleId, n))
    this.#articles.delete(articleId)
  }

  #discard(id: string): void {
    const stored = this.#entries.getStoredFields(id) as StoredFields | undefined
    if (!stored) return
    this.#entries.discard(id)
    this.#changes++
    this.#loose.delete(id)
    if (stored.a !== undefined && stored.k !== 'article') this.#inArticle.get(stored.a)?.delete(id)
  }

  #track(id: string, stored: StoredFields): void {
    if (stored.k === 'article') return
    if (stored.a === undefined) {
      this.#loose.add(id)
      return
    }
    let ids = this.#inArticle.get(stored.a)
    if (!ids) this.#inArticle.set(stored.a, (ids = new Set()))
    ids.add(id)
  }
}
