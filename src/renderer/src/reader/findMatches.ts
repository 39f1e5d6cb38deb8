import type { TextPosition } from '../../../shared/annotation'
import type { FoldedText } from '../../../shared/text/foldText'
import { foldText, foldTextWithOrigins, originalRange } from '../../../shared/text/foldText'

/** An article's text folded once for find, with the way back to its offsets. */
export function foldForFind(text: string): FoldedText {
  return foldTextWithOrigins(text)
}

/**
 * Matches of `query` in the folded text as offsets into the stored text: case, accents
 * (Erdogan = Erdoğan), straight and curly quotes (Turkey's = Turkey’s), compatibility forms
 * and runs of white space are all equal, and each match covers whole characters.
 */
export function findMatches(folded: FoldedText, query: string, limit = 10_000): TextPosition[] {
  const needle = foldText(query)
  if (needle === '' || needle === ' ') return []
  const matches: TextPosition[] = []
  for (let at = folded.text.indexOf(needle); at >= 0;) {
    const range = originalRange(folded, at, at + needle.length)
    const last = matches.at(-1)
    // Two folded matches inside one character (the "s" of ß) are one match in the text.
    if (!last || range.start >= last.end) matches.push(range)
    if (matches.length >= limit) break
    at = folded.text.indexOf(needle, at + needle.length)
  }
  return matches
}
