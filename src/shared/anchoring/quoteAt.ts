import type { TextPosition, TextQuote } from '../annotation'

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const QUOTE_CONTEXT = 32

/**
 * The W3C TextQuoteSelector for `start`–`end` of `text`. Context never begins or ends
 * inside a surrogate pair, so a quote stays valid UTF-16 when exported.
 */
export function quoteAt(text: string, { start, end }: TextPosition): TextQuote {
  const prefixStart = snapToCodePoint(text, Math.max(0, start - QUOTE_CONTEXT), 'forward')
  const suffixEnd = snapToCodePoint(text, Math.min(text.length, end + QUOTE_CONTEXT), 'backward')
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd)
  }
}

/**
 * Moves `offset` off the middle of a surrogate pair (an emoji, an astral CJK character),
 * in the given direction.
 */
export function snapToCodePoint(
  text: string,
  offset: number,
  direction: 'forward' | 'backward'
): number {
  if (offset <= 0 || offset >= text.length) return offset
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
  if (!splitsPair) return offset
  return direction === 'forward' ? offset + 1 : offset - 1
}
