import MiniSearch, { type Options } from 'minisearch'
import { INDEX_FIELDS } from './documentFields'
import { MIN_PACKED, PackedFrequencies } from './PackedFrequencies'
import { foldText } from './foldText'
import { STORED_FIELDS, type IndexEntry, type StoredFields } from './IndexEntry'
import type { TimeSlicer } from './TimeSlicer'
import { tokenize } from './tokenize'

/** Title hits weigh most, then the metadata (source, author, tags, names). */
const BOOST = { title: 3, meta: 1.5 }

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
 * The MiniSearch that holds the index entries, able to write its state as snapshot lines
 * and read it back, both in slices that never hold the event loop long. MiniSearch's own
 * `toJSON` takes ~1 s per 10 MB of text in one task and `loadJS` 4× `JSON.parse` of its
 * output; its maps are `protected` so that a subclass may do this. Postings are written as
 * `[docId delta, term frequency, …]`, which parses much faster than objects keyed by id,
 * and are held packed (see `PackedFrequencies`) once read or written.
 */
export class EntryIndex extends MiniSearch<IndexEntry> {
  constructor() {
    super(OPTIONS)
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

function unpacked(flat: readonly number[]): Map<number, number> {
  const frequencies = new Map<number, number>()
  let shortId = 0
  for (let i = 0; i < flat.length; i += 2) frequencies.set((shortId += flat[i]), flat[i + 1])
  return frequencies
}
