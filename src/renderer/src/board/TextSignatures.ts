/** Bloom bits per claim: 1,024 (6.4 MB for 50,000 claims). */
const BLOOM_BITS = 1024
const BLOOM_MASK = BLOOM_BITS - 1
/** Printable ASCII, U+0020–U+007F: whether each is in a claim's text, exactly. */
const ASCII_FROM = 0x20
const ASCII_BITS = 96
/**
 * The characters most needles are typed in: a–z, 0–9 and the space. Whether each pair of
 * them is in a claim's text is kept exactly, one bit each (37² bits, 8.6 MB for 50,000
 * claims); other pairs, and every triple, go to the Bloom bits.
 */
const SYMBOLS = 37
const PAIR_BITS = SYMBOLS * SYMBOLS
/** Where each kind of bit starts among a claim's bits. */
const PAIRS_FROM = ASCII_BITS
const BLOOM_FROM = PAIRS_FROM + PAIR_BITS
const BITS = BLOOM_FROM + BLOOM_BITS

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
  return first < 0 || second < 0 ? -1 : PAIRS_FROM + first * SYMBOLS + second
}

/** The Bloom bit of the pair or triple of code units at `i`. */
function gram(text: string, i: number, length: 2 | 3): number {
  let hash = length === 2 ? 0x2545f491 : 0x6c8e9cf5
  for (let k = i; k < i + length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x9e3779b1)
  return BLOOM_FROM + ((hash >>> 16) & BLOOM_MASK)
}

/** The bits a needle needs, each once. */
function bitsOf(text: string): number[] {
  const bits = new Set<number>()
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) - ASCII_FROM
    if (code >= 0 && code < ASCII_BITS) bits.add(code)
  }
  for (let i = 0; i + 2 <= text.length; i++) {
    const exact = pairBit(text, i)
    bits.add(exact >= 0 ? exact : gram(text, i, 2))
    if (i + 3 <= text.length) bits.add(gram(text, i, 3))
  }
  return [...bits]
}

/** What a text must hold to contain one needle: made once per keystroke. */
export interface SignatureQuery {
  /** One bit per claim (by `at`): whether its signature has every bit of the needle. */
  passes: Int32Array
  /** Whether a text with all these bits surely contains the needle (no search needed). */
  exact: boolean
  /**
   * The claims whose signature was made when the query was: `passes` holds only them, so
   * a claim signed later is a MAYBE for it, not a NO.
   */
  known: Int32Array
}

/** `TextSignatures.match`: the claim cannot hold the needle, surely does, or may. */
export const NO = 0
export const YES = 1
export const MAYBE = 2

/**
 * A signature of each claim's search text: which printable ASCII characters and which
 * pairs of letters, digits and spaces it holds, exactly, and a Bloom bit per other pair
 * and per triple. A needle can only be in a text whose signature has all of the needle's
 * bits, so a keystroke tests one bit per claim and searches the text of the few that pass,
 * instead of scanning 10 million characters; a needle of one character, or of two letters,
 * digits or spaces, is decided by its bits alone.
 *
 * The bits are kept by column: for each bit, one bit per claim. A keystroke ANDs the
 * needle's few columns (6 KB each at 50,000 claims) into one that stays in the cache,
 * where testing each claim's own bits would read some 10 MB scattered over memory.
 */
export class TextSignatures {
  readonly #words: number
  readonly #columns: Int32Array
  readonly #known: Int32Array
  /** The claims `add` gathered and has not written yet: their word, bits and mask. */
  #word = 0
  readonly #pending = new Int32Array(BITS)
  #added = 0

  constructor(count: number) {
    this.#words = Math.ceil(count / 32)
    this.#columns = new Int32Array(BITS * this.#words)
    this.#known = new Int32Array(this.#words)
  }

  /**
   * Records claim `at`'s lowercase search text. Claims are gathered 32 at a time (one word
   * of each column) and written when the next word starts or a query comes: one write per
   * bit per 32 claims, where a write per gram would each land in another column, far apart.
   */
  add(at: number, text: string): void {
    const word = at >>> 5
    if (word !== this.#word) this.#flush()
    this.#word = word
    const pending = this.#pending
    const mask = 1 << (at & 31)
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i) - ASCII_FROM
      if (code >= 0 && code < ASCII_BITS) pending[code]! |= mask
    }
    for (let i = 0; i + 2 <= text.length; i++) {
      const exact = pairBit(text, i)
      pending[exact >= 0 ? exact : gram(text, i, 2)]! |= mask
      if (i + 3 <= text.length) pending[gram(text, i, 3)]! |= mask
    }
    this.#added |= mask
  }

  /** Writes the gathered claims into the columns; until then they count as not known. */
  #flush(): void {
    if (this.#added === 0) return
    const words = this.#words
    const word = this.#word
    const pending = this.#pending
    for (let bit = 0; bit < BITS; bit++) {
      if (pending[bit] === 0) continue
      this.#columns[bit * words + word]! |= pending[bit]!
      pending[bit] = 0
    }
    this.#known[word]! |= this.#added
    this.#added = 0
  }

  /** The claims whose signature holds every bit of `needle`, already lowercased. */
  query(needle: string): SignatureQuery {
    this.#flush()
    const words = this.#words
    const passes = new Int32Array(words).fill(-1)
    const bits = bitsOf(needle)
    for (const bit of bits) {
      const from = bit * words
      for (let w = 0; w < words; w++) passes[w]! &= this.#columns[from + w]!
    }
    const pairs = bits.filter((bit) => bit >= PAIRS_FROM && bit < BLOOM_FROM).length
    return {
      passes,
      known: this.#known.slice(),
      // One printable ASCII character, or two letters, digits or spaces.
      exact: (needle.length === 1 && bits.length === 1) || (needle.length === 2 && pairs === 1)
    }
  }

  /** Whether claim `at`'s text cannot contain the needle of `query` (NO), surely does, or may. */
  match(at: number, query: SignatureQuery): typeof NO | typeof YES | typeof MAYBE {
    const word = at >>> 5
    const mask = 1 << (at & 31)
    if ((query.known[word]! & mask) === 0) return MAYBE
    if ((query.passes[word]! & mask) === 0) return NO
    return query.exact ? YES : MAYBE
  }
}
