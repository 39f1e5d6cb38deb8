import SearchableMap from 'minisearch/SearchableMap'

/** The most terms remembered: about 20 MB of keys and entries at most. */
export const MAX_REMEMBERED_TERMS = 250_000

/**
 * MiniSearch's term tree, with the terms it was last asked to fetch remembered in a hash
 * map. Adding a document fetches each of its terms from the radix tree, and the tree finds
 * a key by scanning each node's children one by one: a Chinese character's three-digit
 * term walks three nodes of 64 children, so adding 7 KB of Chinese (5,500 terms) spent
 * about half its time in that walk. The values are the tree's own (MiniSearch's postings
 * per field); only the way to them is shortened, and every change of a key goes through
 * the tree and this map alike. The map is emptied when it grows past its bound, and
 * refilled by the adds that follow, so it holds the terms new text keeps using.
 */
export class TermMap<T> extends SearchableMap<T> {
  readonly #remembered = new Map<string, T>()

  override fetch(key: string, initial: () => T): T {
    const known = this.#remembered.get(key)
    if (known !== undefined) return known
    const value = super.fetch(key, initial)
    this.#remember(key, value)
    return value
  }

  override set(key: string, value: T): this {
    super.set(key, value)
    if (this.#remembered.has(key)) this.#remembered.set(key, value)
    return this
  }

  override update(key: string, fn: (value: T | undefined) => T): this {
    this.#remembered.delete(key)
    super.update(key, fn)
    return this
  }

  override delete(key: string): void {
    this.#remembered.delete(key)
    super.delete(key)
  }

  override clear(): void {
    this.#remembered.clear()
    super.clear()
  }

  #remember(key: string, value: T): void {
    if (this.#remembered.size >= MAX_REMEMBERED_TERMS) this.#remembered.clear()
    this.#remembered.set(key, value)
  }
}
