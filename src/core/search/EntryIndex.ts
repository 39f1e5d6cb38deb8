import MiniSearch, { type Options } from 'minisearch'
import { INDEX_FIELDS } from './documentFields'
import { MIN_PACKED, PackedFrequencies } from './PackedFrequencies'
import { foldText } from './foldText'
import { STORED_FIELDS, type IndexEntry, type StoredFields } from './IndexEntry'
import type { QueryWord } from './parseQuery'
import { TermMap } from './TermMap'
import type { TimeSlicer } from './TimeSlicer'
import { tokenize } from './tokenize'

/** Title hits weigh most, then the metadata (source, author, tags, names). */
const BOOST = { title: 3, meta: 1.5 }
/** MiniSearch's BM25 parameters and prefix weight, so that scores are as its own search gave. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const PREFIX_WEIGHT = 0.375

const OPTIONS: Options<IndexEntry> = {
  fields: [...INDEX_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: (text) => tokenize(foldText(text)),
  processTerm: (term) => term,
  // Queries arrive as index terms already (see parseQuery).
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, boost: BOOST },
  // Vacuuming rewrites the term tree; the index runs it between its own steps instead.
  autoVacuum: false
}

/** Numbers per line of a snapshot, so that reading one line is one short task. */
const NUMBERS_PER_LINE = 60_000

/** One line of the snapshot: documents, or the postings of some terms. */
export type SnapshotLine =
  | ['d', [shortId: number, id: string, stored: StoredFields, fieldLength: number[]][]]
  | ['t', [term: string, fieldId: number, postings: number[]][]]

/** The counts MiniSearch keeps beside its maps; restored as they were written. */
export interface SnapshotHeader {
  fields: string[]
  documentCount: number
  nextId: number
  avgFieldLength: number[]
}

/**
 * The entries of the documents that hold every term of a query, as `EntryIndex.matchAll`
 * returns them: position `i` is entry `ids[i]`, its score (BM25 summed over the terms it
 * holds) and which terms it holds (`words` 32-bit words of bits a position, bit `t` for
 * `terms[t]`), in all its fields and in its title alone. Views of reused buffers: valid
 * until the next call.
 */
export interface EntryMatches {
  count: number
  ids: Int32Array
  scores: Float64Array
  words: number
  terms: Uint32Array
  titleTerms: Uint32Array
}

/** Postings of one term in one field, and what a match there weighs. */
interface TermPostings {
  postings: Map<number, number>
  field: number
  /** Boost × prefix weight × inverse document frequency. */
  weight: number
}

/**
 * The MiniSearch that holds the index entries, able to write its state as snapshot lines
 * and read it back, both in slices that never hold the event loop long. MiniSearch's own
 * `toJSON` takes ~1 s per 10 MB of text in one task and `loadJS` 4× `JSON.parse` of its
 * output; its maps are `protected` so that a subclass may do this. Postings are written as
 * `[docId delta, term frequency, …]`, which parses much faster than objects keyed by id,
 * and are held packed (see `PackedFrequencies`) once read or written.
 */
export class EntryIndex extends MiniSearch<IndexEntry> {
  /**
   * Per entry id (MiniSearch's short id): the ordinal of the document it is part of (an
   * article for its chunks, else the entry itself), -1 once discarded; and of its group
   * (the article it is in, else itself). Queries add up postings in typed arrays by these.
   */
  #documentOf = new Int32Array(1024).fill(-1)
  #groupOf = new Int32Array(1024)
  /** Per entry id, 1 for a chunk of an article's text. */
  #articleChunk = new Uint8Array(1024)
  /** Per entry id and field, MiniSearch's field length (what BM25 normalises by). */
  #lengths = new Uint32Array(1024 * INDEX_FIELDS.length)
  readonly #ordinals = new Map<string, number>()
  readonly #scratch = new MatchScratch()

  constructor() {
    super(OPTIONS)
    // Before any term is added: MiniSearch keeps its tree in this one field. Its typings
    // declare the tree's class twice (index and SearchableMap), as unrelated types.
    this._index = new TermMap() as unknown as typeof this._index
  }

  override add(entry: IndexEntry): void {
    const shortId = this._nextId
    super.add(entry)
    this.#register(shortId, entry.id, entry)
  }

  override discard(id: string): void {
    const shortId = this._idToShortId.get(id)
    super.discard(id)
    if (shortId !== undefined) this.#documentOf[shortId] = -1
  }

  /** The ordinal of the document entry `shortId` is part of; -1 when it is not indexed. */
  documentOf(shortId: number): number {
    return shortId < this.#documentOf.length ? this.#documentOf[shortId] : -1
  }

  groupOf(shortId: number): number {
    return this.#groupOf[shortId]
  }

  /** Whether the entry is a chunk of an article's text (read without its stored fields). */
  isArticle(shortId: number): boolean {
    return this.#articleChunk[shortId] === 1
  }

  /** Ordinals are below this. */
  get ordinalCount(): number {
    return this.#ordinals.size
  }

  storedOf(shortId: number): StoredFields {
    return (this._storedFields.get(shortId) ?? {}) as StoredFields
  }

  /** The entry's id and stored fields. */
  entry(shortId: number): { id: string; stored: StoredFields } {
    return {
      id: this._documentIds.get(shortId) as string,
      stored: (this._storedFields.get(shortId) ?? {}) as StoredFields
    }
  }

  /**
   * The entries of the documents (an article over all its chunks) that hold every term, a
   * prefix term any word it begins; each scored as MiniSearch's search scores it (BM25 per
   * field, boosted, prefix matches weighed down by how much longer the word is). The terms
   * are intersected rarest first, then only the entries of the documents left are scored,
   * in typed arrays: no object is made per posting or per entry.
   */
  matchAll(terms: readonly QueryWord[]): EntryMatches {
    const scratch = this.#scratch
    const words = Math.max(1, Math.ceil(terms.length / 32))
    const expanded = terms.map((term, bit) => ({ bit, postings: this.#postingsOf(term) }))
    const size = (list: TermPostings[]): number =>
      list.reduce((sum, posting) => sum + posting.postings.size, 0)
    expanded.sort((a, b) => size(a.postings) - size(b.postings))
    const documentOf = this.#documentOf
    const matched = scratch.matched(this.#ordinals.size)
    const touched: number[] = []
    let step = 0
    try {
      for (const { postings } of expanded) {
        let advanced = 0
        for (const { postings: frequencies } of postings) {
          const packed = packedOf(frequencies)
          if (!packed) {
            frequencies.forEach((_, id) => {
              const document = documentOf[id]
              if (document < 0 || matched[document] !== step) return
              matched[document] = step + 1
              if (step === 0) touched.push(document)
              advanced++
            })
            continue
          }
          const ids = packed.array
          for (let i = 0, end = packed.length * 2; i < end; i += 2) {
            const document = documentOf[ids[i]]
            if (document < 0 || matched[document] !== step) continue
            matched[document] = step + 1
            if (step === 0) touched.push(document)
            advanced++
          }
        }
        step++
        if (advanced === 0) return scratch.result(0, words)
      }
      const all = step
      const lengths = this.#lengths
      const fieldCount = INDEX_FIELDS.length
      const titleField = this._fieldIds.title
      scratch.begin(this._nextId, words)
      for (const { bit, postings } of expanded)
        for (const { postings: frequencies, field, weight } of postings) {
          const average = this._avgFieldLength[field]
          const word = bit >> 5
          const mask = 1 << (bit & 31)
          const inTitle = field === titleField
          const score = (id: number, frequency: number): void => {
            if (matched[documentOf[id]] !== all || documentOf[id] < 0) return
            const length = lengths[id * fieldCount + field]
            const normalised = 1 - BM25.b + (BM25.b * length) / average
            scratch.add(
              id,
              weight * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * normalised)),
              word,
              mask,
              inTitle
            )
          }
          const packed = packedOf(frequencies)
          if (!packed) {
            frequencies.forEach((frequency, id) => score(id, frequency))
            continue
          }
          const flat = packed.array
          for (let i = 0, end = packed.length * 2; i < end; i += 2) {
            if (matched[documentOf[flat[i]]] === all) score(flat[i], flat[i + 1])
          }
        }
      return scratch.result(scratch.count, words)
    } finally {
      for (const document of touched) matched[document] = 0
      scratch.end()
    }
  }

  /** Every field's postings of the term, or of each word it begins, with their weights. */
  #postingsOf(term: QueryWord): TermPostings[] {
    const found: TermPostings[] = []
    const add = (word: string, fields: Map<number, Map<number, number>>): void => {
      const distance = word.length - term.text.length
      const prefixWeight =
        distance === 0 ? 1 : (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance)
      for (const [field, postings] of fields) {
        if (postings.size === 0) continue
        const boost = BOOST[INDEX_FIELDS[field] as keyof typeof BOOST] ?? 1
        const idf = Math.log(
          1 + (this._documentCount - postings.size + 0.5) / (postings.size + 0.5)
        )
        found.push({ postings, field, weight: boost * prefixWeight * idf })
      }
    }
    if (term.prefix) for (const [word, fields] of this._index.atPrefix(term.text)) add(word, fields)
    else {
      const fields = this._index.get(term.text)
      if (fields) add(term.text, fields)
    }
    return found
  }

  #register(shortId: number, id: string, stored: StoredFields): void {
    if (shortId >= this.#documentOf.length) {
      const capacity = Math.max(shortId + 1, this.#documentOf.length * 2)
      const documentOf = new Int32Array(capacity).fill(-1)
      documentOf.set(this.#documentOf)
      this.#documentOf = documentOf
      const groupOf = new Int32Array(capacity)
      groupOf.set(this.#groupOf)
      this.#groupOf = groupOf
      const articleChunk = new Uint8Array(capacity)
      articleChunk.set(this.#articleChunk)
      this.#articleChunk = articleChunk
      const lengths = new Uint32Array(capacity * INDEX_FIELDS.length)
      lengths.set(this.#lengths)
      this.#lengths = lengths
    }
    const inArticle = stored.a === undefined ? undefined : `article:${stored.a}`
    this.#documentOf[shortId] = this.#ordinal(stored.k === 'article' ? inArticle! : id)
    this.#groupOf[shortId] = this.#ordinal(inArticle ?? id)
    this.#articleChunk[shortId] = stored.k === 'article' ? 1 : 0
    const lengths = this._fieldLength.get(shortId) ?? []
    for (let field = 0; field < INDEX_FIELDS.length; field++)
      this.#lengths[shortId * INDEX_FIELDS.length + field] = lengths[field] ?? 0
  }

  #ordinal(key: string): number {
    let ordinal = this.#ordinals.get(key)
    if (ordinal === undefined) this.#ordinals.set(key, (ordinal = this.#ordinals.size))
    return ordinal
  }

  header(): SnapshotHeader {
    return {
      fields: [...INDEX_FIELDS],
      documentCount: this._documentCount,
      nextId: this._nextId,
      avgFieldLength: this._avgFieldLength
    }
  }

  /** Every entry's id and stored fields. */
  *storedEntries(): Generator<[string, StoredFields]> {
    for (const [shortId, id] of this._documentIds)
      yield [id as string, (this._storedFields.get(shortId) ?? {}) as StoredFields]
  }

  /** The documents, then every term's postings. */
  async *snapshotLines(slicer: TimeSlicer): AsyncGenerator<SnapshotLine> {
    let documents: Extract<SnapshotLine, ['d', unknown]>[1] = []
    let numbers = 0
    for (const [shortId, id] of this._documentIds) {
      const stored = (this._storedFields.get(shortId) ?? {}) as StoredFields
      const fieldLength = this._fieldLength.get(shortId) ?? []
      documents.push([shortId, id as string, stored, fieldLength])
      numbers += 8
      if (numbers >= NUMBERS_PER_LINE) {
        yield ['d', documents]
        documents = []
        numbers = 0
        await slicer.pause()
      }
    }
    if (documents.length > 0) yield ['d', documents]
    // Pausing between terms is safe only while nothing is discarded: a search then never
    // drops a term from the tree under the paused iterator (the caller vacuums first).
    if (this._dirtCount > 0) throw new Error('vacuum before taking a snapshot')
    let postings: Extract<SnapshotLine, ['t', unknown]>[1] = []
    numbers = 0
    for (const [term, fields] of this._index) {
      for (const [fieldId, frequencies] of fields) {
        const flat: number[] = []
        let previous = 0
        for (const [shortId, frequency] of frequencies) {
          flat.push(shortId - previous, frequency)
          previous = shortId
        }
        if (flat.length === 0) continue
        postings.push([term, fieldId, flat])
        numbers += flat.length
        // Postings added since the last snapshot are plain Maps: packed again here.
        const packed = frequencies instanceof PackedFrequencies && frequencies.packed
        if (!packed && frequencies.size >= MIN_PACKED)
          fields.set(fieldId, PackedFrequencies.fromMap(frequencies))
      }
      if (numbers >= NUMBERS_PER_LINE) {
        yield ['t', postings]
        postings = []
        numbers = 0
      }
      await slicer.pause()
    }
    if (postings.length > 0) yield ['t', postings]
  }

  /** An index from a snapshot's header and lines; throws on anything it cannot trust. */
  static async fromSnapshot(
    header: SnapshotHeader,
    lines: AsyncIterable<SnapshotLine>,
    slicer: TimeSlicer
  ): Promise<EntryIndex> {
    const index = new EntryIndex()
    if (header.fields.join() !== INDEX_FIELDS.join()) throw new Error('other index fields')
    index._documentCount = header.documentCount
    index._nextId = header.nextId
    index._avgFieldLength = header.avgFieldLength
    for await (const [kind, items] of lines) {
      if (kind === 'd') for (const item of items) index.#restoreDocument(item)
      else for (const item of items) index.#restorePostings(item)
      await slicer.pause()
    }
    if (index._documentIds.size !== header.documentCount) throw new Error('documents missing')
    return index
  }

  #restoreDocument([shortId, id, stored, fieldLength]: Extract<
    SnapshotLine,
    ['d', unknown]
  >[1][number]): void {
    if (typeof shortId !== 'number' || typeof id !== 'string' || !Array.isArray(fieldLength))
      throw new Error(`bad document ${String(id)}`)
    this._documentIds.set(shortId, id)
    this._idToShortId.set(id, shortId)
    this._storedFields.set(shortId, stored)
    this._fieldLength.set(shortId, fieldLength)
    this.#register(shortId, id, stored)
  }

  #restorePostings([term, fieldId, flat]: Extract<SnapshotLine, ['t', unknown]>[1][number]): void {
    if (typeof term !== 'string' || typeof fieldId !== 'number' || flat.length % 2 !== 0)
      throw new Error(`bad postings for ${String(term)}`)
    let shortId = 0
    for (let i = 0; i < flat.length; i += 2) {
      shortId += flat[i]
      // A posting of an id no entry has is one MiniSearch drops when it meets it; only an id
      // out of range or out of order means the file is not what was written.
      if (!(flat[i] > 0 || i === 0) || !(shortId >= 0 && shortId < this._nextId))
        throw new Error(`postings of ${term} out of range`)
    }
    const frequencies =
      flat.length / 2 >= MIN_PACKED ? PackedFrequencies.fromDeltas(flat) : unpacked(flat)
    this._index.fetch(term, () => new Map()).set(fieldId, frequencies)
  }
}

/** The packed array of postings, `[id, frequency, …]`, when they are packed. */
function packedOf(
  postings: Map<number, number>
): { array: Uint32Array; length: number } | undefined {
  return postings instanceof PackedFrequencies ? postings.packedView() : undefined
}

/**
 * The buffers of `matchAll`, kept between queries and cleared after each: at 10,000 articles
 * an index has some 170,000 entries, too many to allocate arrays for at every keystroke.
 */
class MatchScratch {
  #matched = new Int32Array(1024)
  /** Per entry id, its position + 1 in this query's matches; 0 when not matched. */
  #slot = new Int32Array(1024)
  #ids = new Int32Array(256)
  #scores = new Float64Array(256)
  #terms = new Uint32Array(256)
  #titleTerms = new Uint32Array(256)
  #words = 1
  count = 0

  matched(ordinals: number): Int32Array {
    if (this.#matched.length < ordinals)
      this.#matched = new Int32Array(Math.max(ordinals, this.#matched.length * 2))
    return this.#matched
  }

  begin(entries: number, words: number): void {
    if (this.#slot.length < entries)
      this.#slot = new Int32Array(Math.max(entries, this.#slot.length * 2))
    this.#words = words
    this.count = 0
  }

  add(id: number, score: number, word: number, mask: number, inTitle: boolean): void {
    let position = this.#slot[id] - 1
    if (position < 0) {
      position = this.count++
      this.#slot[id] = position + 1
      if (position >= this.#ids.length) this.#grow()
      if ((position + 1) * this.#words > this.#terms.length)
        this.#growTerms((position + 1) * this.#words)
      this.#ids[position] = id
      this.#scores[position] = 0
      this.#terms.fill(0, position * this.#words, (position + 1) * this.#words)
      this.#titleTerms.fill(0, position * this.#words, (position + 1) * this.#words)
    }
    this.#scores[position] += score
    this.#terms[position * this.#words + word] |= mask
    if (inTitle) this.#titleTerms[position * this.#words + word] |= mask
  }

  result(count: number, words: number): EntryMatches {
    return {
      count,
      ids: this.#ids.subarray(0, count),
      scores: this.#scores.subarray(0, count),
      words,
      terms: this.#terms.subarray(0, count * words),
      titleTerms: this.#titleTerms.subarray(0, count * words)
    }
  }

  /** Clears the slots this query used (its results stay readable until the next one). */
  end(): void {
    for (let i = 0; i < this.count; i++) this.#slot[this.#ids[i]] = 0
  }

  #grow(): void {
    const capacity = this.#ids.length * 2
    const ids = new Int32Array(capacity)
    ids.set(this.#ids)
    this.#ids = ids
    const scores = new Float64Array(capacity)
    scores.set(this.#scores)
    this.#scores = scores
  }

  #growTerms(needed: number): void {
    const capacity = Math.max(needed, this.#terms.length * 2)
    const terms = new Uint32Array(capacity)
    terms.set(this.#terms)
    this.#terms = terms
    const titleTerms = new Uint32Array(capacity)
    titleTerms.set(this.#titleTerms)
    this.#titleTerms = titleTerms
  }
}

function unpacked(flat: readonly number[]): Map<number, number> {
  const frequencies = new Map<number, number>()
  let shortId = 0
  for (let i = 0; i < flat.length; i += 2) frequencies.set((shortId += flat[i]), flat[i + 1])
  return frequencies
}
