import { readFile } from 'node:fs/promises'
import type { Suggestion } from '../../shared/suggestion'
import { DOSSIER_VERSION } from '../../shared/version'
import { decodeSuggestionRows, encodeSuggestionRows } from '../attribution/compactSuggestions'
import { writeFileDurable } from '../store/writeFileDurable'

/**
 * The attribution finder's suggestions for every article it has read, so that the library's
 * background pass survives a restart and **Suggest claims** answers at once. One JSON value
 * per line: a header, one line per article, and a last line counting them, so a file cut
 * off mid-write is known as one. Derived data: a file that is missing, damaged, or written
 * by another release of the finder is ignored and the pass reads the articles again.
 */
export const SUGGESTION_CACHE_FILE = 'suggestions-cache.ndjson'

/**
 * Bumped whenever the finder's rules, or this file's lines, change: what an older finder
 * suggested is then read again, never trusted. The release is part of it too.
 */
export const FINDER_REVISION = 1
const KIND = 'dossier-suggestion-cache'
const FINDER = `${DOSSIER_VERSION}+${FINDER_REVISION}`

/** An article's line: its id and its suggestions' rows (`encodeSuggestionRows`). */
export function articleLine(articleId: string, rows: string): Buffer {
  return Buffer.from(`[${JSON.stringify(articleId)},${rows}]\n`)
}

/** The article's suggestions as the line that stores them (with its newline). */
export function encodeArticleLine(articleId: string, suggestions: readonly Suggestion[]): Buffer {
  return articleLine(articleId, encodeSuggestionRows(suggestions))
}

/**
 * The suggestions of a line, against the article's text; undefined when the line does not
 * fit the text: the article is then read again.
 */
export function decodeArticleLine(line: Buffer, text: string): Suggestion[] | undefined {
  try {
    return decodeSuggestionRows((JSON.parse(line.toString('utf8')) as [string, unknown])[1], text)
  } catch {
    return undefined
  }
}

/** Writes the lines durably, after a header naming the finder and before the count. */
export async function writeSuggestionCacheFile(path: string, lines: Buffer[]): Promise<void> {
  const header = Buffer.from(`${JSON.stringify({ kind: KIND, finder: FINDER })}\n`)
  const footer = Buffer.from(`${JSON.stringify(['end', lines.length])}\n`)
  await writeFileDurable(path, Buffer.concat([header, ...lines, footer]))
}

/** Why a cache file was not used. */
export interface UnusableCache {
  problem: 'missing' | 'damaged' | 'outdated'
  detail: string
}

/**
 * Each article's line in `path`, by article id, not yet decoded (an article's line is read
 * when it is asked for), or why the file cannot be used.
 */
export async function readSuggestionCacheFile(
  path: string
): Promise<Map<string, Buffer> | UnusableCache> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT'
      ? { problem: 'missing', detail: `${path} does not exist` }
      : { problem: 'damaged', detail: `${path} cannot be read (${code ?? String(error)})` }
  }
  const lines: Buffer[] = []
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(0x0a, start)
    if (end < 0) return { problem: 'damaged', detail: `${path} ends in the middle of a line` }
    lines.push(bytes.subarray(start, end + 1))
    start = end + 1
  }
  const header = parse(lines[0]) as { kind?: unknown; finder?: unknown } | undefined
  if (header?.kind !== KIND) return { problem: 'damaged', detail: `${path} has no cache header` }
  if (header.finder !== FINDER)
    return { problem: 'outdated', detail: `${path} holds another finder's suggestions` }
  const footer = parse(lines.at(-1))
  if (!Array.isArray(footer) || footer[0] !== 'end' || footer[1] !== lines.length - 2)
    return { problem: 'damaged', detail: `${path} was cut off (its count does not match)` }
  const byArticle = new Map<string, Buffer>()
  for (const line of lines.slice(1, -1)) {
    // Only the id is read now: `["0123abcd…",` is the line's first field.
    const id = /^\["([0-9a-f]{1,64})",/.exec(line.subarray(0, 80).toString('latin1'))?.[1]
    if (!id) return { problem: 'damaged', detail: `${path} has a line without an article id` }
    byArticle.set(id, Buffer.from(line))
  }
  return byArticle
}

function parse(line: Buffer | undefined): unknown {
  if (!line) return undefined
  try {
    return JSON.parse(line.toString('utf8'))
  } catch {
    return undefined
  }
}
