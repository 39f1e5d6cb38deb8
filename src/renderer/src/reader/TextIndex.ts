/**
 * Maps between offsets in an article's stored text and points in the DOM that shows it.
 * The text is displayed as one block per line and one `<span data-o="start">` per chunk,
 * so the stored text is never changed and no line break is a DOM node.
 */
export class TextIndex {
  readonly #nodes: Text[] = []
  readonly #starts: number[] = []
  readonly #spans: HTMLElement[] = []

  constructor(container: HTMLElement) {
    for (const span of container.querySelectorAll<HTMLElement>('span[data-o]')) {
      const node = span.firstChild
      if (!(node instanceof Text)) continue
      this.#spans.push(span)
      this.#nodes.push(node)
      this.#starts.push(Number(span.dataset.o))
    }
  }

  /** The text offset of a DOM point, for selections and clicks; undefined outside the text. */
  offsetAt(node: Node, offset: number, bias: 'start' | 'end'): number | undefined {
    if (node instanceof Text) {
      const index = this.#indexOfNode(node)
      if (index !== undefined) return this.#starts[index]! + offset
    }
    if (this.#nodes.length === 0) return undefined
    // A point between blocks: the first chunk after it, or the end of the one before.
    const point = document.createRange()
    point.setStart(node, offset)
    let low = 0
    let high = this.#nodes.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (point.comparePoint(this.#nodes[mid]!, 0) >= 0) high = mid
      else low = mid + 1
    }
    if (bias === 'start' && low < this.#nodes.length) return this.#starts[low]
    if (low === 0) return this.#starts[0]
    return this.#starts[low - 1]! + this.#nodes[low - 1]!.length
  }

  /** A StaticRange over `start`–`end`, for the Custom Highlight API; undefined if empty. */
  rangeFor(start: number, end: number): StaticRange | undefined {
    const from = this.#pointAt(start, 'forward')
    const to = this.#pointAt(end, 'backward')
    if (!from || !to) return undefined
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset
    })
  }

  /** The element that shows `offset`, to scroll it into view. */
  elementAt(offset: number): HTMLElement | undefined {
    const index = this.#chunkAt(offset)
    return index === undefined ? undefined : this.#spans[index]
  }

  #pointAt(
    offset: number,
    direction: 'forward' | 'backward'
  ): { node: Text; offset: number } | undefined {
    let index = this.#chunkAt(offset)
    if (index === undefined) return undefined
    const node = this.#nodes[index]!
    const inNode = offset - this.#starts[index]!
    // An offset at the very end of a chunk starts the next one when going forward.
    if (direction === 'forward' && inNode >= node.length && index + 1 < this.#nodes.length) {
      index += 1
      return { node: this.#nodes[index]!, offset: Math.max(0, offset - this.#starts[index]!) }
    }
    return { node, offset: Math.min(Math.max(inNode, 0), node.length) }
  }

  /** The last chunk starting at or before `offset`. */
  #chunkAt(offset: number): number | undefined {
    let low = 0
    let high = this.#starts.length - 1
    if (high < 0) return undefined
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.#starts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return low
  }

  #indexOfNode(node: Text): number | undefined {
    const span = node.parentElement
    if (!span?.dataset.o) return undefined
    const index = this.#chunkAt(Number(span.dataset.o))
    return index !== undefined && this.#nodes[index] === node ? index : undefined
  }
}
