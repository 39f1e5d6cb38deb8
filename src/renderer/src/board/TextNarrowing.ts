import { filterByText } from './filterBoardEntries'
import type { BoardIndex, BoardOrder } from './indexBoardRows'

/** Results kept for needles typed so far: enough for a phrase typed and backspaced. */
const REMEMBERED = 32

/**
 * The text filter as the analyst types: a needle that contains an earlier one can only
 * match claims that matched it, so each keystroke searches the last results, not all
 * 50,000 claims; backspacing returns results already found.
 */
export class TextNarrowing {
  readonly #order: BoardOrder
  readonly #index: BoardIndex
  readonly #found = new Map<string, BoardOrder>()

  constructor(order: BoardOrder, index: BoardIndex) {
    this.#order = order
    this.#index = index
  }

  /** The claims (in their given order) that `needle`, already lowercased, matches. */
  filter(needle: string): BoardOrder {
    if (needle === '') return this.#order
    const known = this.#found.get(needle)
    if (known) return known
    let from = this.#order
    for (const [earlier, found] of this.#found)
      if (found.length < from.length && needle.includes(earlier)) from = found
    const found = filterByText(from, this.#index, needle)
    this.#found.set(needle, found)
    if (this.#found.size > REMEMBERED) this.#found.delete(this.#found.keys().next().value!)
    return found
  }
}
