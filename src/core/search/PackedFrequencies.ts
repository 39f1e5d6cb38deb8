/** Below this many postings a plain Map is as small, and packing is not worth it. */
export const MIN_PACKED = 8

/**
 * Room for this many more postings (an eighth, at least 8) when postings are packed from
 * a snapshot or a Map. Packed exactly, the first entry added after a load copied every
 * common term's whole array (the 10,000-article index has terms in 170,000 entries) and
 * the first dozen articles added took 20–80 ms each, mostly in those copies and in the
 * collections their garbage set off; with room, arrays grow one at a time, far apart.
 */
function roomFor(postings: number): number {
  return 2 * (postings + Math.max(MIN_PACKED, postings >> 3))
}

/**
 * One term's postings in one field (entry id → term frequency), as MiniSearch keeps them,
 * packed in one typed array, `[id, frequency, id, frequency, …]` by rising id: 8 bytes a
 * posting where a Map entry takes about 40, which made the index 7× the text it holds.
 * MiniSearch reads postings only through the Map interface and, as entry ids only grow,
 * only ever appends to them; anything else (a deletion, an id out of order) unpacks the
 * postings into the Map this class is, which then behaves as any Map.
 */
export class PackedFrequencies extends Map<number, number> {
  #packed: Uint32Array | undefined
  #length = 0
  /** Where the last `keys()` step was: MiniSearch asks `get` for that very id next. */
  #cursor = 0

  /** Postings from a snapshot's `[id delta, frequency, …]`. */
  static fromDeltas(flat: readonly number[]): PackedFrequencies {
    const postings = new PackedFrequencies()
    const packed = new Uint32Array(roomFor(flat.length / 2))
    let id = 0
    for (let i = 0; i < flat.length; i += 2) {
      id += flat[i]
      packed[i] = id
      packed[i + 1] = flat[i + 1]
    }
    postings.#packed = packed
    postings.#length = flat.length / 2
    return postings
  }

  /** The same postings as `map`, packed. */
  static fromMap(map: ReadonlyMap<number, number>): PackedFrequencies {
    const postings = new PackedFrequencies()
    postings.#packed = new Uint32Array(roomFor(map.size))
    for (const [id, frequency] of map) postings.set(id, frequency)
    return postings
  }

  /** Still packed: not unpacked by a change MiniSearch made out of order. */
  get packed(): boolean {
    return this.#packed !== undefined
  }

  override get size(): number {
    return this.#packed ? this.#length : super.size
  }

  override get(id: number): number | undefined {
    if (!this.#packed) return super.get(id)
    const at = this.#find(id)
    return at < 0 ? undefined : this.#packed[at * 2 + 1]
  }

  override has(id: number): boolean {
    return this.#packed ? this.#find(id) >= 0 : super.has(id)
  }

  override set(id: number, frequency: number): this {
    let packed = this.#packed
    if (!packed) return super.set(id, frequency)
    const last = this.#length - 1
    if (last >= 0 && packed[last * 2] === id) {
      packed[last * 2 + 1] = frequency
      return this
    }
    if (last >= 0 && packed[last * 2] > id) {
      this.#unpack()
      return super.set(id, frequency)
    }
    if (this.#length * 2 === packed.length) {
      const grown = new Uint32Array(Math.max(MIN_PACKED * 2, packed.length * 2))
      grown.set(packed)
      this.#packed = packed = grown
    }
    packed[this.#length * 2] = id
    packed[this.#length * 2 + 1] = frequency
    this.#length++
    return this
  }

  override delete(id: number): boolean {
    if (this.#packed) this.#unpack()
    return super.delete(id)
  }

  override clear(): void {
    this.#packed = undefined
    super.clear()
  }

  override *keys(): MapIterator<number> {
    if (!this.#packed) return yield* super.keys()
    const packed = this.#packed
    for (let i = 0; i < this.#length; i++) {
      this.#cursor = i
      yield packed[i * 2]
    }
  }

  override *values(): MapIterator<number> {
    if (!this.#packed) return yield* super.values()
    const packed = this.#packed
    for (let i = 0; i < this.#length; i++) yield packed[i * 2 + 1]
  }

  override *entries(): MapIterator<[number, number]> {
    if (!this.#packed) return yield* super.entries()
    const packed = this.#packed
    for (let i = 0; i < this.#length; i++) yield [packed[i * 2], packed[i * 2 + 1]]
  }

  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries()
  }

  override forEach(
    callback: (value: number, key: number, map: Map<number, number>) => void,
    thisArg?: unknown
  ): void {
    for (const [id, frequency] of this.entries()) callback.call(thisArg, frequency, id, this)
  }

  /**
   * The postings as they are held, `[id, frequency, …]` by rising id in the first `length`
   * pairs, for a query to read without an iterator; `undefined` once unpacked (read it as
   * a Map then). Not to be changed, nor kept past a change to the postings.
   */
  packedView(): { array: Uint32Array; length: number } | undefined {
    return this.#packed && { array: this.#packed, length: this.#length }
  }

  /** The index of `id`, or -1: the cursor first, else a binary search. */
  #find(id: number): number {
    const packed = this.#packed!
    if (this.#cursor < this.#length && packed[this.#cursor * 2] === id) return this.#cursor
    // Ids only grow: the newest entry's id is asked for most, and one past the end never found.
    const last = this.#length - 1
    if (last < 0 || id > packed[last * 2]) return -1
    if (packed[last * 2] === id) return last
    let low = 0
    let high = this.#length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const found = packed[middle * 2]
      if (found === id) return middle
      if (found < id) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  #unpack(): void {
    const packed = this.#packed!
    this.#packed = undefined
    for (let i = 0; i < this.#length; i++) super.set(packed[i * 2], packed[i * 2 + 1])
  }
}
