/** Where a byte string stops being UTF-8: how many bad sequences, and the first offsets. */
export interface InvalidUtf8 {
  count: number
  /** How many valid sequences of more than one byte (non-ASCII characters) there are. */
  multibyte: number
  /** Byte offsets of the first bad sequences (at most `limit`). */
  offsets: number[]
}

/**
 * Finds the sequences that are not UTF-8 (stray continuation bytes, overlong forms,
 * surrogates, code points past U+10FFFF, truncated sequences), so a refusal can say where
 * the file goes wrong instead of just "invalid".
 */
export function findInvalidUtf8(bytes: Uint8Array, limit = 5): InvalidUtf8 {
  const offsets: number[] = []
  let count = 0
  let multibyte = 0
  let i = 0
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i)
    if (length > 0) {
      if (length > 1) multibyte++
      i += length
      continue
    }
    count++
    if (offsets.length < limit) offsets.push(i)
    i++
  }
  return { count, multibyte, offsets }
}

/** Length of the valid UTF-8 sequence at `i`, or 0 (Unicode Table 3-7 well-formed ranges). */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!
  if (b0 < 0x80) return 1
  const inRange = (k: number, low: number, high: number): boolean =>
    i + k < bytes.length && bytes[i + k]! >= low && bytes[i + k]! <= high
  const tail = (from: number, to: number): boolean => {
    for (let k = from; k <= to; k++) if (!inRange(k, 0x80, 0xbf)) return false
    return true
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(1, 1) ? 2 : 0
  if (b0 === 0xe0) return inRange(1, 0xa0, 0xbf) && tail(2, 2) ? 3 : 0
  if (b0 === 0xed) return inRange(1, 0x80, 0x9f) && tail(2, 2) ? 3 : 0
  if (b0 >= 0xe1 && b0 <= 0xef) return tail(1, 2) ? 3 : 0
  if (b0 === 0xf0) return inRange(1, 0x90, 0xbf) && tail(2, 3) ? 4 : 0
  if (b0 >= 0xf1 && b0 <= 0xf3) return tail(1, 3) ? 4 : 0
  if (b0 === 0xf4) return inRange(1, 0x80, 0x8f) && tail(2, 3) ? 4 : 0
  return 0
}
