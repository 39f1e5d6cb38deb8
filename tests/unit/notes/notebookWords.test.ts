import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RichNode } from '../../../src/shared/richText'
import { wordCount } from '../../../src/shared/richText'
import { NotebookWords } from '../../../src/core/store/NotebookWords'

const text = fc
  .array(fc.constantFrom('a', 'Zü', '2,400', ' ', '\u00a0', '\n', '\u3000', 'x'), {
    minLength: 1,
    maxLength: 8
  })
  .map((parts) => parts.join(''))
const paragraph = fc
  .array(
    fc.oneof(
      text.map((t): RichNode => ({ type: 'text', text: t })),
      text.map((t): RichNode => ({ type: 'text', text: t, marks: [{ type: 'bold' }] })),
      fc.constant<RichNode>({ type: 'hardBreak' })
    ),
    { maxLength: 4 }
  )
  .map((content): RichNode => ({ type: 'paragraph', content }))
const block: fc.Arbitrary<RichNode> = fc.oneof(
  paragraph,
  fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items): RichNode => ({
    type: 'bulletList',
    content: items.map((p): RichNode => ({ type: 'listItem', content: [p] }))
  })),
  fc.constant<RichNode>({ type: 'horizontalRule' })
)
const doc = fc
  .array(block, { maxLength: 12 })
  .map((content): RichNode => ({ type: 'doc', content }))

/** An edit as the editor makes them: a block changed, inserted or removed somewhere. */
const edit = fc.tuple(fc.constantFrom('change', 'insert', 'remove'), fc.nat(), block)
function applied(before: RichNode, [kind, at, made]: [string, number, RichNode]): RichNode {
  // A copy, as each save arrives: equal blocks are never the same objects.
  const content = structuredClone(before.content ?? [])
  const i = content.length === 0 ? 0 : at % content.length
  if (kind === 'insert') content.splice(i, 0, made)
  else if (content.length > 0 && kind === 'remove') content.splice(i, 1)
  else if (content.length > 0) content[i] = made
  return { type: 'doc', content }
}

describe('a notebook’s words on each save', () => {
  it('are wordCount of the document after any sequence of edits', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { maxLength: 8 }), (first, edits) => {
        const words = new NotebookWords()
        let previous: RichNode | undefined
        let current = first
        expect(words.count(current, previous)).toBe(wordCount(current))
        for (const step of edits) {
          previous = current
          current = applied(current, step)
          expect(words.count(current, previous)).toBe(wordCount(current))
        }
      }),
      { numRuns: 300 }
    )
  })

  it('counts a changed block again, and a block that only gained a mark the same', () => {
    const words = new NotebookWords()
    const before: RichNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two words' }] }]
    }
    expect(words.count(before, undefined)).toBe(2)
    const after: RichNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'two words and three more' }] }
      ]
    }
    expect(words.count(after, before)).toBe(5)
    const marked: RichNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'two words and three more', marks: [{ type: 'bold' }] }]
        }
      ]
    }
    expect(words.count(marked, after)).toBe(5)
  })
})
