import { findOccurrences } from './findOccurrences'
import { foldTextWithOrigins, originalRange } from './foldText'
import type { ParsedQuery } from './parseQuery'
import type { MarkRange, SnippetField } from './SearchResults'

/** A stretch of a document's text to look in: `text` from `from` to `to`. */
export interface Searchable {
  field: SnippetField
  text: string
  from: number
  to: number
}

/** The passage a hit shows, in `searchable.text`'s own offsets. */
export interface Passage {
  searchable: Searchable
  focus: MarkRange
  /** Every occurrence of a query word or phrase found in the searchable. */
  marks: MarkRange[]
  /** The whole unquoted query occurs here as a phrase. */
  wholePhrase: boolean
}

/** Occurrences looked for per word and stretch: enough to mark a snippet. */
const MAX_OCCURRENCES = 200
/** Ranks of a passage: the whole query, a phrase, else how many distinct words it has. */
const WHOLE_PHRASE = Number.MAX_SAFE_INTEGER
const PHRASE = WHOLE_PHRASE - 1
/** Marks this close to the focus count as one passage. */
const PASSAGE_RADIUS = 60

/**
 * Checks a document's stretches against the text itself and picks the passage to show.
 * Returns `undefined` unless every quoted phrase (and run of spaceless script) occurs
 * somewhere, exactly up to folding. The passage is the first occurrence of the whole query
 * as a phrase if there is one, else of a phrase, else the earliest place where the most
 * distinct query words lie within 60 characters; earlier stretches win ties.
 */
export function findPassage(searchables: Searchable[], query: ParsedQuery): Passage | undefined {
  const missing = new Set(query.phrases)
  // No passage can rank above this: once one does and every phrase is found, stop reading.
  const ceiling = query.wholePhrase
    ? WHOLE_PHRASE
    : query.phrases.length > 0
      ? PHRASE
      : new Set(query.marks.map((mark) => mark.text)).size
  let best: { passage: Passage; rank: number } | undefined
  for (const searchable of searchables) {
    if (best && best.rank >= ceiling && missing.size === 0) break
    const folded = foldTextWithOrigins(searchable.text, searchable.from, searchable.to)
    const toOriginal = ([start, end]: [number, number]): MarkRange =>
      originalRange(folded, start, end)
    const phraseHits: MarkRange[] = []
    for (const phrase of query.phrases) {
      const [first] = findOccurrences(folded.text, { text: phrase, prefix: false }, 1)
      if (!first) continue
      missing.delete(phrase)
      phraseHits.push(toOriginal(first))
    }
    phraseHits.sort((a, b) => a.start - b.start)
    const whole = query.wholePhrase
      ? findOccurrences(folded.text, query.wholePhrase, 1).map(toOriginal)
      : []
    const byWord = query.marks.map((mark) =>
      findOccurrences(folded.text, mark, MAX_OCCURRENCES).map(toOriginal)
    )
    const marks = merged([...byWord.flat(), ...whole])
    if (marks.length === 0) continue
    const [rank, focus] =
      whole.length > 0
        ? [WHOLE_PHRASE, whole[0]]
        : phraseHits.length > 0
          ? [PHRASE, phraseHits[0]]
          : densestPassage(byWord)
    if (!best || rank > best.rank)
      best = { passage: { searchable, focus, marks, wholePhrase: whole.length > 0 }, rank }
  }
  return missing.size > 0 ? undefined : best?.passage
}

/** Ranges in order, overlapping ones made one ("don't" is the words don and t, and a phrase). */
function merged(ranges: MarkRange[]): MarkRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const result: MarkRange[] = []
  for (const range of sorted) {
    const last = result.at(-1)
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else result.push({ ...range })
  }
  return result
}

/** The earliest occurrence with the most distinct words within the passage radius, and that count. */
function densestPassage(byWord: MarkRange[][]): [number, MarkRange] {
  let best: [number, MarkRange] = [0, { start: 0, end: 0 }]
  for (const anchors of byWord)
    for (const anchor of anchors) {
      const near = byWord.filter((occurrences) =>
        occurrences.some(
          (o) => o.end >= anchor.start - PASSAGE_RADIUS && o.start <= anchor.end + PASSAGE_RADIUS
        )
      ).length
      if (near > best[0] || (near === best[0] && anchor.start < best[1].start))
        best = [near, anchor]
    }
  return best
}
