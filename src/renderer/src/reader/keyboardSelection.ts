/** A stretch of an article's stored text, as offsets. */
export interface Span {
  start: number
  end: number
}

/** What one key selects or extends by. */
export type Unit = 'word' | 'sentence' | 'paragraph'

/** `start`–`end` of `text` without the white space at either end; undefined if only space. */
function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : undefined
}

/** Titles and abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Mt|Jr|Sr|No|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|approx)\.$/

/**
 * The article's words, sentences or paragraphs (its non-empty lines), in text order, by
 * the language rules of Intl.Segmenter (2,400 is one word), and "Dr. Reyl" is not two
 * sentences.
 */
export function segment(text: string, unit: Unit): Span[] {
  const spans: Span[] = []
  if (unit === 'paragraph') {
    for (const match of text.matchAll(/[^\n]+/g)) {
      const span = trimmed(text, match.index, match.index + match[0].length)
      if (span) spans.push(span)
    }
    return spans
  }
  const segmenter = new Intl.Segmenter('en', { granularity: unit })
  let joinNext = false
  for (const piece of segmenter.segment(text)) {
    if (unit === 'word' && !piece.isWordLike) continue
    const span = trimmed(text, piece.index, piece.index + piece.segment.length)
    if (!span) continue
    const previous = spans.at(-1)
    // Joined only within a line: a title line ending "Inc." stays its own sentence.
    if (joinNext && previous && !text.slice(previous.end, span.start).includes('\n'))
      previous.end = span.end
    else spans.push(span)
    joinNext =
      unit === 'sentence' && ABBREVIATION.test(text.slice(spans.at(-1)!.start, spans.at(-1)!.end))
  }
  return spans
}

/** The first unit ending after `offset` (the one `offset` is in, or the next). */
function unitAt(units: readonly Span[], offset: number): Span | undefined {
  let low = 0
  let high = units.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (units[mid]!.end <= offset) low = mid + 1
    else high = mid
  }
  return units[low] ?? units.at(-1)
}

/**
 * The unit after the selection (`direction` 1) or before it (-1); with nothing selected, the
 * one at `caret`. Stays on the selection at either end of the text.
 */
export function selectUnit(
  units: readonly Span[],
  selected: Span | undefined,
  caret: number,
  direction: 1 | -1
): Span | undefined {
  if (!selected) return unitAt(units, caret)
  if (direction === 1) return units.find((u) => u.start >= selected.end) ?? selected
  return units.findLast((u) => u.end <= selected.start) ?? selected
}

/**
 * The selection with its end moved by one unit: forward to the end of the next unit, back
 * to the end of the one before (never before the selection's first unit). With nothing
 * selected, the unit at `caret`.
 */
export function extendUnit(
  units: readonly Span[],
  selected: Span | undefined,
  caret: number,
  direction: 1 | -1
): Span | undefined {
  if (!selected) return unitAt(units, caret)
  if (direction === 1) {
    const next = units.find((u) => u.end > selected.end)
    return next ? { start: selected.start, end: next.end } : selected
  }
  const before = units.findLast((u) => u.end < selected.end && u.end > selected.start)
  return before ? { start: selected.start, end: before.end } : selected
}
