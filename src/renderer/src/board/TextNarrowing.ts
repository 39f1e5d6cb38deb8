import { textTest } from './filterBoardEntries'
import type { BoardIndex, BoardOrder } from './indexBoardRows'
import { LazyOrder } from './LazyOrder'

/** Results kept for needles typed so far: enough for a phrase typed and backspaced. */
const REMEMBERED = 32

/**
 * The text filter as the analyst types: a needle that contains an earlier one can only
 * match claims that matched it, so each keystroke reads the earlier results (as far as it
 * needs them), not all 50,000 claims; backspacing returns results already found.
 */
export class TextNarrowing {
  readonly #all: LazyOrder
  readonly #index: BoardIndex
  readonly #found = new Map<string, LazyOrder>()

  constructor(order: BoardOrder, index: BoardIndex) {
    this.#all = LazyOrder.of(order)
    this.#index = index
  }

  /** The claims (in their given order) that `needle`, already lowercased, matches. */
  filter(needle: string): LazyOrder {
    if (needle === '') return this.#all
    const known = this.#found.get(needle)
    if (known) return known
    // The longest earlier needle within this one has the fewest claims to read.
    let from = this.#all
    let within = ''
    for (const [earlier, found] of this.#found) {
      if (earlier.length > within.length && needle.includes(earlier)) {
        from = found
        within = earlier
      }
    }
    const found = LazyOrder.filter(from, textTest(this.#index, needle))
    this.#found.set(needle, found)
    if (this.#found.size > REMEMBERED) this.#found.delete(this.#found.keys().next().value!)
    return found
  }
}
