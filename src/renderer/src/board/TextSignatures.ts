/** Bloom bits per claim: 1,024 (128 bytes; 6.4 MB for 50,000 claims). */
const WORDS = 32
const MASK = WORDS * 32 - 1
/** Printable ASCII, U+0020–U+007F: whether each is in a claim's text, exactly (3 words). */
const ASCII_FROM = 0x20
const ASCII_WORDS = 3
/**
 * The characters most needles are typed in: a–z, 0–9 and the space. Whether each pair of
 * them is in a claim's text is kept exactly, one bit each (37² bits, 43 words: 8.6 MB for
 * 50,000 claims); other pairs, and every triple, go to the Bloom bits.
 */
const SYMBOLS = 37
const PAIR_WORDS = Math.ceil((SYMBOLS * SYMBOLS) / 32)

/** The character's place among the exactly kept ones, or -1. */
function symbol(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26
  return code === 0x20 ? 36 : -1
}

/** The exact bit of the pair at `i`, or -1 when one of its characters is not kept exactly. */
function pairBit(text: string, i: number): number {
  const first = symbol(text.charCodeAt(i))
  const second = symbol(text.charCodeAt(i + 1))
  return first < 0 || second < 0 ? -1 : first * SYMBOLS + second
}

/** Where the pair or triple of code units at `i` sets its Bloom bit. */
function gram(text: string, i: number, length: 2 | 3): number {
  let hash = length === 2 ? 0x2545f491 : 0x6c8e9cf5
  for (let k = i; k < i + length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x9e3779b1)
  return (hash >>> 16) & MASK
}

/** What a text must hold to contain one needle: made once per keystroke. */
export interface SignatureQuery {
  /** The one printable ASCII character of a needle of one, else -1. */
  character: number
  /** Exact pair bits and Bloom bits, each as (word, mask) pairs. */
  pairs: Int32Array
  bloom: Int32Array
  /** Whether a text with all these bits surely contains the needle (no search needed). */
  exact: boolean
}

/** `TextSignatures.match`: the claim cannot hold the needle, surely does, or may. */
export const NO = 0
export const YES = 1
export const MAYBE = 2

/** The (word, mask) pairs of a set of bits. */
function masks(bits: Iterable<number>): Int32Array {
  const wanted = new Map<number, number>()
  for (const bit of bits) wanted.set(bit >>> 5, (wanted.get(bit >>> 5) ?? 0) | (1 << (bit & 31)))
  return Int32Array.from([...wanted].flat())
}

/** Whether `bits` from `base` has every (word, mask) of `query`. */
function holds(bits: Uint32Array, base: number, query: Int32Array): boolean {
  for (let q = 0; q < query.length; q += 2) {
    const mask = query[q + 1]!
    if ((bits[base + query[q]!]! & mask) !== mask) return false
  }
  return true
}

/**
 * A signature of each claim's search text: which printable ASCII characters and which
 * pairs of letters, digits and spaces it holds, exactly, and a Bloom bit per other pair
 * and per triple. A needle can only be in a text whose signature has all of the needle's
 * bits, so a keystroke tests a few bits per claim and searches the text of the few that
 * pass, instead of scanning 10 million characters; a needle of one character, or of two
 * letters, digits or spaces, is decided by its bits alone.
 */
export class TextSignatures {
  readonly #bits: Uint32Array
  readonly #pairs: Uint32Array
  readonly #ascii: Uint32Array
  readonly #known: Uint8Array

  constructor(count: number) {
    this.#bits = new Uint32Array(count * WORDS)
    this.#pairs = new Uint32Array(count * PAIR_WORDS)
    this.#ascii = new Uint32Array(count * ASCII_WORDS)
    this.#known = new Uint8Array(count)
  }

  /** Records claim `at`'s lowercase search text. */
  add(at: number, text: string): void {
    const base = at * WORDS
    const pairs = at * PAIR_WORDS
    const ascii = at * ASCII_WORDS
    for (let i = 0; i < text.length; i++) {
      const bit = text.charCodeAt(i) - ASCII_FROM
      if (bit >= 0 && bit < ASCII_WORDS * 32) this.#ascii[ascii + (bit >>> 5)]! |= 1 << (bit & 31)
    }
    for (let i = 0; i + 2 <= text.length; i++) {
      const exact = pairBit(text, i)
      if (exact >= 0) this.#pairs[pairs + (exact >>> 5)]! |= 1 << (exact & 31)
      else {
        const pair = gram(text, i, 2)
        this.#bits[base + (pair >>> 5)]! |= 1 << (pair & 31)
      }
      if (i + 3 > text.length) continue
      const triple = gram(text, i, 3)
      this.#bits[base + (triple >>> 5)]! |= 1 << (triple & 31)
    }
    this.#known[at] = 1
  }

  /** The bits a text must have to contain `needle`, already lowercased. */
  query(needle: string): SignatureQuery {
    const code = needle.length === 1 ? needle.charCodeAt(0) - ASCII_FROM : -1
    const character = code >= 0 && code < ASCII_WORDS * 32 ? code : -1
    const pairs: number[] = []
    const bloom: number[] = []
    for (let i = 0; i + 2 <= needle.length; i++) {
      const exact = pairBit(needle, i)
      if (exact >= 0) pairs.push(exact)
      else bloom.push(gram(needle, i, 2))
      if (i + 3 <= needle.length) bloom.push(gram(needle, i, 3))
    }
    return {
      character,
      pairs: masks(pairs),
      bloom: masks(bloom),
      exact: character >= 0 || (needle.length === 2 && pairs.length === 1)
    }
  }

  /** Whether claim `at`'s text cannot contain the needle of `query` (NO), surely does, or may. */
  match(at: number, query: SignatureQuery): typeof NO | typeof YES | typeof MAYBE {
    if (this.#known[at] === 0) return MAYBE
    if (query.character >= 0) {
      const bit = query.character
      return (this.#ascii[at * ASCII_WORDS + (bit >>> 5)]! & (1 << (bit & 31))) !== 0 ? YES : NO
    }
    if (!holds(this.#pairs, at * PAIR_WORDS, query.pairs)) return NO
    if (!holds(this.#bits, at * WORDS, query.bloom)) return NO
    return query.exact ? YES : MAYBE
  }
}
