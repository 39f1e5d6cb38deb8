import type { BoardOrder } from './indexBoardRows'

/** Claims read from the source between two looks at the time left: well under 1 ms. */
const CHUNK = 2048

/**
 * Claims in the order shown, found only as far as they are read: the board draws the few
 * dozen rows in view, so a keystroke need not test all 50,000 claims before they appear;
 * the rest are counted in idle time (`work`). A filter's source may itself be a lazy order
 * (a needle narrowed from an earlier one), read on as far as this one needs.
 */
export class LazyOrder {
  readonly #source: LazyOrder | undefined
  readonly #test: ((at: number) => boolean) | undefined
  #found: Int32Array
  #length: number
  /** How many of the source's claims have been tested. */
  #read = 0
  #complete: boolean

  /** Every claim of `order`, already complete. */
  static of(order: BoardOrder): LazyOrder {
    return new LazyOrder(undefined, undefined, order)
  }

  /** The claims of `source` that `test` keeps, in its order. */
  static filter(source: LazyOrder, test: (at: number) => boolean): LazyOrder {
    return new LazyOrder(source, test, new Int32Array(64))
  }

  private constructor(
    source: LazyOrder | undefined,
    test: ((at: number) => boolean) | undefined,
    found: Int32Array
  ) {
    this.#source = source
    this.#test = test
    this.#found = found
    this.#complete = source === undefined
    this.#length = this.#complete ? found.length : 0
  }

  /** Whether every claim is found: `found` is then the count. */
  get complete(): boolean {
    return this.#complete
  }

  /** The claims found so far. */
  get found(): number {
    return this.#length
  }

  /** The claim (its `at`) at position `n`, searching on as far as that; undefined past the end. */
  at(n: number): number | undefined {
    if (n >= this.#length && !this.#complete) this.#scan(n + 1, Infinity)
    return n < this.#length ? this.#found[n] : undefined
  }

  /** The position of claim `at` among those found so far, or -1. */
  indexOf(at: number): number {
    return this.#found.subarray(0, this.#length).indexOf(at)
  }

  /** Searches on while `timeRemaining()` is above 0; returns whether every claim is found. */
  work(timeRemaining: () => number): boolean {
    while (!this.#complete && timeRemaining() > 0) this.#scan(Infinity, CHUNK)
    return this.#complete
  }

  /** Every claim, found to the end. */
  toOrder(): BoardOrder {
    while (!this.#complete) this.#scan(Infinity, Infinity)
    return this.#found.subarray(0, this.#length)
  }

  /**
   * The count while counting: the share kept so far of what was read, of the source's own
   * estimate; exact once complete. For the height of the scrolled list until it is known.
   */
  estimate(): number {
    if (this.#complete) return this.#length
    const source = this.#source!.estimate()
    return Math.max(this.#length, Math.round((this.#length / Math.max(1, this.#read)) * source))
  }

  /** Tests the source's claims on until `wanted` are found, `reads` were read, or it ends. */
  #scan(wanted: number, reads: number): void {
    const source = this.#source!
    const test = this.#test!
    let read = this.#read
    const stop = read + reads
    while (this.#length < wanted && read < stop) {
      const at = source.at(read)
      if (at === undefined) {
        this.#complete = true
        break
      }
      read++
      if (test(at)) this.#push(at)
    }
    this.#read = read
    if (source.complete && read >= source.found) this.#complete = true
  }

  #push(at: number): void {
    if (this.#length === this.#found.length) {
      const grown = new Int32Array(this.#found.length * 2)
      grown.set(this.#found)
      this.#found = grown
    }
    this.#found[this.#length++] = at
  }
}
