import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RichNode } from '../../../src/shared/richText'
import { docToPlain, wordCount } from '../../../src/shared/richText'

/** Text with every kind of space `\s` knows, and words around them. */
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Zü',
      '2,400',
      '“',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\n',
      'x'
    ),
    {
      maxLength: 12
    }
  )
  .map((parts) => parts.join(''))
  .filter((t) => t !== '')

const inline: fc.Arbitrary<RichNode> = fc.oneof(
  text.map((t): RichNode => ({ type: 'text', text: t })),
  fc.constant<RichNode>({ type: 'hardBreak' })
)
const quote = text.map((exact): RichNode => ({
  type: 'passageQuote',
  attrs: { articleId: 'a', kind: 'passage', start: 0, end: 1, exact, title: 't' }
}))
const textBlock = fc
  .tuple(fc.constantFrom('paragraph', 'heading', 'codeBlock'), fc.array(inline, { maxLength: 5 }))
  .map(([type, content]): RichNode => ({ type: type as RichNode['type'], content }))
const { block } = fc.letrec<{ block: RichNode }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small' },
    textBlock,
    quote,
    fc
      .array(tie('block'), { maxLength: 3 })
      .map((content): RichNode => ({ type: 'blockquote', content })),
    fc.array(tie('block'), { maxLength: 3 }).map((content): RichNode => ({
      type: 'bulletList',
      content: [{ type: 'listItem', content }]
    }))
  )
}))

describe('wordCount', () => {
  it('counts what docToPlain’s text splits into, for any document', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (content) => {
        const doc: RichNode = { type: 'doc', content }
        expect(wordCount(doc)).toBe(docToPlain(doc).split(/\s+/).filter(Boolean).length)
      }),
      { numRuns: 500 }
    )
  })

  it('counts words across marks as one, and blocks apart', () => {
    const doc: RichNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'the union' },
            { type: 'text', text: '’s', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' count' }
          ]
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'payroll' }] }
      ]
    }
    expect(wordCount(doc)).toBe(4)
  })
})
