import { filterByText } from './filterBoardEntries'
import type { BoardEntry, BoardIndex } from './indexBoardRows'

/** Results kept for needles typed so far: enough for a phrase typed and backspaced. */
const REMEMBERED = 32

/**
 * The text filter as the analyst types: a needle that contains an earlier one can only
 * match claims that matched it, so each keystroke searches the last results, not all
 * 50,000 claims; backspacing returns results already found.
 */
export class TextNarrowing {
  readonly #entries: readonly BoardEntry[]
  readonly #index: BoardIndex
  readonly #found = new Map<string, BoardEntry[]>()

  constructor(entries: readonly BoardEntry[], index: BoardIndex) {
    this.#entries = entries
    this.#index = index
  }

  /** The entries (in their given order) that `needle`, already lowercased, matches. */
  filter(needle: string): BoardEntry[] {
    if (needle === '') return this.#entries as BoardEntry[]
    const known = this.#found.get(needle)
    if (known) return known
    let from: readonly BoardEntry[] = this.#entries
    for (const [earlier, found] of this.#found)
      if (found.length < from.length && needle.includes(earlier)) from = found
    const found = filterByText(from, this.#index, needle)
    this.#found.set(needle, found)
    if (this.#found.size > REMEMBERED) this.#found.delete(this.#found.keys().next().value!)
    return found
  }
}
