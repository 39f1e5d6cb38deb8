import type { TextPosition } from '../annotation'

/** The position of the `occurrence`-th (1-based) exact occurrence of `exact`, if any. */
export function findQuote(text: string, exact: string, occurrence = 1): TextPosition | undefined {
  if (exact === '' || occurrence < 1) return undefined
  let from = 0
  for (let seen = 0; ;) {
    const start = text.indexOf(exact, from)
    if (start < 0) return undefined
    if (++seen === occurrence) return { start, end: start + exact.length }
    from = start + 1
  }
}
