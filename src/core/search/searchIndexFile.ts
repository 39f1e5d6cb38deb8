import { readFile } from 'node:fs/promises'
import { writeFileDurable } from '../store/writeFileDurable'
import type { SnapshotHeader, SnapshotLine } from './EntryIndex'
import type { ArticleFacts } from './IndexEntry'
import { SearchIndex, type IndexLine } from './SearchIndex'
import type { SearchReaders } from './SearchSources'

/**
 * One JSON value per line, so that reading and writing go line by line in short tasks; the
 * first line says what the file is, the last how many lines came between (a cut-off file
 * is known as one). Derived data: a file that is missing, damaged or of another format is
 * rebuilt from the library, never trusted.
 */
export const SEARCH_INDEX_FILE = 'search-index.ndjson'

/**
 * Bumped whenever what the index holds or how it is written changes: folding, tokens,
 * chunks, fields, or a MiniSearch release with other internals.
 */
export const SEARCH_INDEX_FORMAT = 1

/**
 * How far before a snapshot the library is asked what changed, when the index is loaded:
 * file times are coarse on some file systems, and a change saved just before a snapshot
 * may be queued behind it.
 */
export const CATCH_UP_MARGIN_MS = 10_000

const KIND = 'dossier-search-index'

interface FileHeader {
  kind: typeof KIND
  format: number
  /** Ask the library what changed since this time (ms since the epoch). */
  since: number
}

/** Why an index file could not be used. */
export type UnusableIndex = { problem: 'missing' | 'damaged' | 'outdated'; detail: string }

/**
 * Writes a snapshot of `index` durably; resolves to the change count it holds. Each line is
 * encoded as it is made, so the only step over the whole file is one copy into one buffer.
 */
export async function writeSearchIndexFile(path: string, index: SearchIndex): Promise<number> {
  const header: FileHeader = {
    kind: KIND,
    format: SEARCH_INDEX_FORMAT,
    since: Date.now() - CATCH_UP_MARGIN_MS
  }
  const lines: Buffer[] = []
  const add = (line: unknown): void => {
    lines.push(Buffer.from(`${JSON.stringify(line)}\n`))
  }
  add(header)
  const changes = await index.snapshot(add)
  add(['end', lines.length - 1])
  await writeFileDurable(path, Buffer.concat(lines))
  return changes
}

/** The index in `path` and the time to catch up from, or why it cannot be used. */
export async function readSearchIndexFile(
  path: string,
  readers: SearchReaders
): Promise<{ index: SearchIndex; since: number } | UnusableIndex> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT'
      ? { problem: 'missing', detail: `${path} does not exist` }
      : { problem: 'damaged', detail: `${path} cannot be read (${code ?? String(error)})` }
  }
  // Lines are decoded one at a time, as they are restored: never the whole file at once.
  const lines: [number, number][] = []
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(0x0a, start)
    const stop = end < 0 ? bytes.length : end
    lines.push([start, stop])
    start = stop + 1
  }
  const line = (n: number): unknown => JSON.parse(bytes.toString('utf8', ...lines[n]))
  try {
    const header = (lines.length > 0 ? line(0) : {}) as Partial<FileHeader>
    if (header.kind !== KIND || typeof header.since !== 'number')
      return { problem: 'damaged', detail: `${path} is not a search index` }
    if (header.format !== SEARCH_INDEX_FORMAT)
      return {
        problem: 'outdated',
        detail: `${path} is of format ${String(header.format)}, not ${SEARCH_INDEX_FORMAT}`
      }
    const end = line(lines.length - 1)
    if (!Array.isArray(end) || end[0] !== 'end' || end[1] !== lines.length - 2)
      return { problem: 'damaged', detail: `${path} is cut off` }
    const index = await restore((n) => line(n + 1) as IndexLine, lines.length - 2, readers)
    return { index, since: header.since }
  } catch (error) {
    return {
      problem: 'damaged',
      detail: `${path}: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}

/** Restores the index from its `count` snapshot lines, `line(0)` to `line(count - 1)`. */
async function restore(
  line: (n: number) => IndexLine,
  count: number,
  readers: SearchReaders
): Promise<SearchIndex> {
  const first = count > 0 ? line(0) : undefined
  if (first?.[0] !== 'h') throw new Error('the index counts are missing')
  const articles: [string, ArticleFacts][] = []
  async function* snapshotLines(): AsyncGenerator<SnapshotLine> {
    for (let n = 1; n < count; n++) {
      const next = line(n)
      if (next[0] === 'a') for (const article of next[1]) articles.push(article)
      else if (next[0] === 'd' || next[0] === 't') yield next
      else throw new Error(`unexpected line ${String(next[0])}`)
    }
  }
  return SearchIndex.restore(readers, {
    header: first[1] as SnapshotHeader,
    lines: snapshotLines(),
    articles
  })
}
