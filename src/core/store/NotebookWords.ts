import { isDeepStrictEqual } from 'node:util'
import type { RichNode } from '../../shared/richText'
import { wordCount } from '../../shared/richText'

/**
 * A notebook's word count on each save, counting again only the top-level blocks that
 * differ from the document saved before. A keystroke changes one block of thousands, and
 * comparing a block with its former self (string equality) costs a fraction of reading
 * its characters one by one. The count is `wordCount(doc)` exactly: each top-level block
 * starts a line of its own, so a document's words are the sum of its blocks' words.
 */
export class NotebookWords {
  /** The words of blocks counted before, by the block as it was stored. */
  readonly #counted = new WeakMap<RichNode, number>()

  count(doc: RichNode, previous: RichNode | undefined): number {
    const blocks = doc.content ?? []
    const before = previous?.content ?? []
    const reuse = (block: RichNode, was: RichNode): number | undefined => {
      if (!isDeepStrictEqual(block, was)) return undefined
      const words = this.#counted.get(was) ?? wordCount(was)
      this.#counted.set(block, words)
      return words
    }
    let words = 0
    // The unchanged blocks at the start, then those at the end, then the changed middle.
    let head = 0
    for (; head < blocks.length && head < before.length; head++) {
      const kept = reuse(blocks[head]!, before[head]!)
      if (kept === undefined) break
      words += kept
    }
    let tail = 0
    for (; head + tail < blocks.length && head + tail < before.length; tail++) {
      const at = blocks.length - 1 - tail
      const kept = reuse(blocks[at]!, before[before.length - 1 - tail]!)
      if (kept === undefined) break
      words += kept
    }
    for (let i = head; i < blocks.length - tail; i++) {
      const block = blocks[i]!
      const counted = wordCount(block)
      this.#counted.set(block, counted)
      words += counted
    }
    return words
  }
}
