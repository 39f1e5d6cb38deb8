const SURROGATE = /[\uD800-\uDFFF]/

/**
 * Converts UTF-16 offsets into a text (what JavaScript strings and the store count) into
 * code point offsets (what the W3C TextPositionSelector counts): each surrogate pair
 * before an offset — an emoji, a flag's halves, a CJK character outside the BMP — is two
 * units but one code point. The text is scanned once; each conversion is a binary search
 * over the pairs, and a text without any (most) converts by identity.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  // The regex engine finds the first surrogate far faster than a loop over the text.
  if (!SURROGATE.test(text)) return (offset) => offset
  const pairs: number[] = []
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdbff) continue
    const next = text.charCodeAt(i + 1)
    if (next >= 0xdc00 && next <= 0xdfff) pairs.push(++i)
  }
  if (pairs.length === 0) return (offset) => offset
  return (offset) => {
    // The low halves at positions before `offset`: each is a unit that is no code point.
    let low = 0
    let high = pairs.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (pairs[middle]! < offset) low = middle + 1
      else high = middle
    }
    return offset - low
  }
}
