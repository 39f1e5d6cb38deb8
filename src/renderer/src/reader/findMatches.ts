import type { TextPosition } from '../../../shared/annotation'

/** Case-insensitive matches of `query` in `text`, as offsets into the stored text. */
export function findMatches(text: string, query: string, limit = 10_000): TextPosition[] {
  if (query === '') return []
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu')
  const matches: TextPosition[] = []
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length })
    if (matches.length >= limit) break
  }
  return matches
}
