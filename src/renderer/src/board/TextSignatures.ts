/** Bits per claim: 1,024 (128 bytes; 6.4 MB for 50,000 claims). */
const WORDS = 32
const MASK = WORDS * 32 - 1
/** Printable ASCII, U+0020–U+007F: whether each is in a claim's text, exactly (3 words). */
const ASCII_FROM = 0x20
const ASCII_WORDS = 3

/** Where the pair or triple of code units at `i` sets its bit. */
function gram(text: string, i: number, length: 2 | 3): number {
  let hash = length === 2 ? 0x2545f491 : 0x6c8e9cf5
  for (let k = i; k < i + length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x9e3779b1)
  return (hash >>> 16) & MASK
}

/**
 * A Bloom signature of each claim's search text: one bit per pair and per triple of
 * characters. A needle can only be in a text whose signature has all of the needle's
 * bits, so a keystroke tests a few bits per claim and searches the text of the few that
 * pass, instead of scanning 10 million characters.
 */
export class TextSignatures {
  readonly #bits: Uint32Array
  readonly #ascii: Uint32Array
  readonly #known: Uint8Array

  constructor(count: number) {
    this.#bits = new Uint32Array(count * WORDS)
    this.#ascii = new Uint32Array(count * ASCII_WORDS)
    this.#known = new Uint8Array(count)
  }

  /** Records claim `at`'s lowercase search text. */
  add(at: number, text: string): void {
    const base = at * WORDS
    const ascii = at * ASCII_WORDS
    for (let i = 0; i < text.length; i++) {
      const bit = text.charCodeAt(i) - ASCII_FROM
      if (bit >= 0 && bit < ASCII_WORDS * 32) this.#ascii[ascii + (bit >>> 5)]! |= 1 << (bit & 31)
    }
    for (let i = 0; i + 2 <= text.length; i++) {
      const pair = gram(text, i, 2)
      this.#bits[base + (pair >>> 5)]! |= 1 << (pair & 31)
      if (i + 3 > text.length) continue
      const triple = gram(text, i, 3)
      this.#bits[base + (triple >>> 5)]! |= 1 << (triple & 31)
    }
    this.#known[at] = 1
  }

  /** The bits a text must have to contain `needle`, as (word, mask) pairs. */
  query(needle: string): Int32Array {
    const wanted = new Map<number, number>()
    const set = (bit: number): void => {
      wanted.set(bit >>> 5, (wanted.get(bit >>> 5) ?? 0) | (1 << (bit & 31)))
    }
    for (let i = 0; i + 2 <= needle.length; i++) {
      set(gram(needle, i, 2))
      if (i + 3 <= needle.length) set(gram(needle, i, 3))
    }
    return Int32Array.from([...wanted].flat())
  }

  /**
   * Whether claim `at`'s text holds the one character `needle`, exactly, when that is
   * printable ASCII and the claim is recorded; else undefined (search the text). The first
   * keystroke of a filter is one character, tested against every claim: a bit each.
   */
  hasCharacter(at: number, needle: string): boolean | undefined {
    if (needle.length !== 1 || this.#known[at] === 0) return undefined
    const bit = needle.charCodeAt(0) - ASCII_FROM
    if (bit < 0 || bit >= ASCII_WORDS * 32) return undefined
    return (this.#ascii[at * ASCII_WORDS + (bit >>> 5)]! & (1 << (bit & 31))) !== 0
  }

  /** False only when claim `at` cannot contain the needle `query` was made from. */
  mayContain(at: number, query: Int32Array): boolean {
    if (this.#known[at] === 0) return true
    const base = at * WORDS
    for (let q = 0; q < query.length; q += 2) {
      const mask = query[q + 1]!
      if ((this.#bits[base + query[q]!]! & mask) !== mask) return false
    }
    return true
  }
}
