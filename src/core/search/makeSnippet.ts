import { snapToCodePoint } from '../../shared/anchoring'
import type { MarkRange } from './SearchResults'

/** Characters of context either side of the match. */
const CONTEXT = 60
/** How far to look for a space, so that the snippet does not start or end mid-word. */
const WORD_SLACK = 15
/** A long match (a whole quoted paragraph) is shown up to this many characters. */
const MAX_FOCUS = 200
const ELLIPSIS = '…'

/** A passage to show, and the stretches of it to mark. */
export interface Snippet {
  snippet: string
  marks: MarkRange[]
}

/**
 * About 60 characters of `text` either side of `focus`, on one line (every run of white space
 * shown as one space), with `…` where the text goes on; `marks` (ranges of `text`) become
 * ranges of the snippet, clipped to it.
 */
export function makeSnippet(text: string, focus: MarkRange, marks: MarkRange[]): Snippet {
  const focusEnd = Math.min(focus.end, focus.start + MAX_FOCUS)
  const from = snapToCodePoint(
    text,
    startAtWord(text, Math.max(0, focus.start - CONTEXT)),
    'backward'
  )
  const to = snapToCodePoint(
    text,
    endAtWord(text, Math.min(text.length, focusEnd + CONTEXT)),
    'forward'
  )
  const head = from > 0 ? ELLIPSIS : ''
  const positions = new Uint32Array(to - from + 1)
  let body = ''
  let spaced = false
  for (let i = from; i < to; i++) {
    positions[i - from] = head.length + body.length
    const character = text[i]
    if (/\s/.test(character)) {
      if (!spaced) body += ' '
      spaced = true
    } else {
      body += character
      spaced = false
    }
  }
  positions[to - from] = head.length + body.length
  const snippet = head + body + (to < text.length ? ELLIPSIS : '')
  const inside = marks
    .filter((mark) => mark.end > from && mark.start < to)
    .map((mark) => ({
      start: positions[Math.max(mark.start, from) - from],
      end: positions[Math.min(mark.end, to) - from]
    }))
    .filter((mark) => mark.end > mark.start)
  return { snippet, marks: inside }
}

function startAtWord(text: string, from: number): number {
  if (from === 0) return 0
  for (let i = from; i < Math.min(text.length, from + WORD_SLACK); i++)
    if (/\s/.test(text[i])) return i + 1
  return from
}

function endAtWord(text: string, to: number): number {
  if (to >= text.length) return text.length
  for (let i = to; i > Math.max(0, to - WORD_SLACK); i--) if (/\s/.test(text[i])) return i
  return to
}
