import type { IndexFile } from './files'
import { INDEX_FORMAT } from './files'

/**
 * The hot path of loading `library.json`: whether freshly parsed JSON is an `IndexFile`
 * exactly as the zod schema in `files.ts` would return it, checked in place.
 *
 * zod builds a new object for every record it checks (and drops keys it does not know), so
 * at 10,000 articles the schema alone doubled the cost of opening a library and held the
 * index twice in memory while it ran. This check reads each value once and copies nothing.
 * It is deliberately stricter than the schema: it says yes only when the schema's output
 * would equal its input (every key known, every value of the right type), and anything
 * else, damage or a key it does not know, falls back to the zod schema, which then decides
 * and names what is wrong. `tests/unit/store/checkIndexFile.test.ts` holds it to that
 * against the schema on mutated records.
 */
export function isIndexFile(json: unknown): json is IndexFile {
  if (!isPlainObject(json)) return false
  if (!onlyKeys(json, INDEX_KEYS)) return false
  if (json.format !== INDEX_FORMAT) return false
  const { articles, tombstones } = json
  if (!Array.isArray(articles) || !Array.isArray(tombstones)) return false
  const ids = new Set<string>()
  for (const article of articles) {
    if (!isArticleMeta(article)) return false
    const id = (article as { id: string }).id
    if (ids.has(id)) return false
    ids.add(id)
  }
  for (const tombstone of tombstones) if (!isTombstone(tombstone)) return false
  return true
}

const INDEX_KEYS = new Set(['format', 'articles', 'tombstones'])

const CONFLICT_KEYS = new Set(['at', 'from', 'record'])
const TOMBSTONE_KEYS = new Set(['id', 'kind', 'deletedAt'])
const ORIGIN_KINDS = new Set(['file', 'paste', 'recovered'])
const TEXT_FORMATS = new Set(['text', 'markdown', 'html'])
const TOMBSTONE_KINDS = new Set(['article', 'annotation', 'notebook'])
const CONFLICT_FROM = new Set(['library', 'backup'])
const ARTICLE_OPTIONAL_STRINGS = [
  'source',
  'author',
  'publishedAt',
  'publishedDate',
  'url',
  'deletedAt'
] as const
const ORIGIN_OPTIONAL_STRINGS = ['fileName', 'filePath', 'modifiedAt'] as const
const ARTICLE_ID = /^[0-9a-f]{16}$/
const SHA256 = /^[0-9a-f]{64}$/

function isArticleMeta(value: unknown): boolean {
  if (!isPlainObject(value)) return false
  const a = value
  if (typeof a.id !== 'string' || !ARTICLE_ID.test(a.id)) return false
  if (typeof a.textSha256 !== 'string' || !SHA256.test(a.textSha256)) return false
  if (typeof a.title !== 'string') return false
  if (typeof a.importedAt !== 'string' || typeof a.updatedAt !== 'string') return false
  if (!isNumber(a.textLength)) return false
  // The nine required keys are there (each check fails on `undefined`); count the rest.
  const strings = optionalStrings(a, ARTICLE_OPTIONAL_STRINGS)
  if (strings < 0) return false
  let keys = 9 + strings
  const tags = a.tags
  if (!Array.isArray(tags)) return false
  for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== 'string') return false
  if (!isOrigin(a.origin, false)) return false
  if (a.arrivals !== undefined) {
    const arrivals = a.arrivals
    if (!Array.isArray(arrivals)) return false
    for (let i = 0; i < arrivals.length; i++) if (!isOrigin(arrivals[i], true)) return false
    keys++
  }
  const counts = a.counts
  if (!isPlainObject(counts) || !isNumber(counts.highlights) || !isNumber(counts.claims))
    return false
  if (Object.keys(counts).length !== 2) return false
  if (a.conflicts !== undefined) {
    const conflicts = a.conflicts
    if (!Array.isArray(conflicts)) return false
    for (let i = 0; i < conflicts.length; i++) if (!isConflict(conflicts[i])) return false
    keys++
  }
  // No key the schema does not know (zod would drop it, so its output would differ).
  return Object.keys(a).length === keys
}

/** An ArticleOrigin, or with `arrival` an ArticleArrival (the same and `arrivedAt`). */
function isOrigin(value: unknown, arrival: boolean): boolean {
  if (!isPlainObject(value)) return false
  const o = value
  if (!(
    typeof o.kind === 'string' &&
    ORIGIN_KINDS.has(o.kind) &&
    typeof o.byteSha256 === 'string' &&
    isNumber(o.byteLength) &&
    typeof o.encoding === 'string' &&
    isNumber(o.encodingConfidence) &&
    typeof o.format === 'string' &&
    TEXT_FORMATS.has(o.format) &&
    typeof o.importerVersion === 'string'
  ))
    return false
  if (arrival && typeof o.arrivedAt !== 'string') return false
  const strings = optionalStrings(o, ORIGIN_OPTIONAL_STRINGS)
  if (strings < 0) return false
  return Object.keys(o).length === 7 + (arrival ? 1 : 0) + strings
}

function isConflict(value: unknown): boolean {
  if (!isPlainObject(value) || !onlyKeys(value, CONFLICT_KEYS)) return false
  if (typeof value.at !== 'string') return false
  if (typeof value.from !== 'string' || !CONFLICT_FROM.has(value.from)) return false
  // A record of anything: zod copies its keys, which is the same unless one is __proto__.
  return isPlainObject(value.record) && !Object.hasOwn(value.record, '__proto__')
}

function isTombstone(value: unknown): boolean {
  if (!isPlainObject(value) || !onlyKeys(value, TOMBSTONE_KEYS)) return false
  return (
    typeof value.id === 'string' &&
    typeof value.kind === 'string' &&
    TOMBSTONE_KINDS.has(value.kind) &&
    typeof value.deletedAt === 'string'
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** No key the schema does not know (zod would drop it, so its output would differ). */
function onlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false
  return true
}

/** How many of `keys` the record has, each a string; -1 when one is there and is not. */
function optionalStrings(record: Record<string, unknown>, keys: readonly string[]): number {
  let present = 0
  for (const key of keys) {
    const value = record[key]
    if (value === undefined) continue
    if (typeof value !== 'string') return -1
    present++
  }
  return present
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value)
}
