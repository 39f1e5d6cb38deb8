import { describe, expect, it } from 'vitest'
import { richDocProblem } from '../../../src/shared/richText'
import { getSchema } from '@tiptap/core'
import { Transform } from '@tiptap/pm/transform'
import { noteExtensions } from '../../../src/renderer/src/notes/noteExtensions'
import { richDocOf, toRichDoc } from '../../../src/renderer/src/notes/toRichDoc'

const quote = {
  articleId: '0123456789abcdef',
  annotationId: 'h1',
  kind: 'highlight',
  start: 0,
  end: 5,
  exact: 'Dock ',
  title: 'Port of Velmora'
}

describe('toRichDoc', () => {
  it('keeps what the editor makes, exactly', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Turnout' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'the ' },
            { type: 'text', text: 'union', marks: [{ type: 'bold' }, { type: 'italic' }] },
            {
              type: 'text',
              text: ' count',
              marks: [{ type: 'link', attrs: { href: 'https://a.example/x' } }]
            }
          ]
        },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }]
        },
        {
          type: 'codeBlock',
          attrs: { language: null },
          content: [{ type: 'text', text: 'x = 1' }]
        },
        { type: 'passageQuote', attrs: quote }
      ]
    }
    const kept = toRichDoc(doc)
    expect(kept).toEqual(doc)
    expect(richDocProblem(kept)).toBeUndefined()
  })

  it('keeps only the href of a link, and only an http(s) one', () => {
    const text = (href: string) => ({
      type: 'text',
      text: 'see',
      marks: [
        { type: 'bold' },
        {
          type: 'link',
          attrs: { href, target: '_blank', rel: 'noopener', class: 'x', title: 'hi' }
        }
      ]
    })
    const doc = toRichDoc({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('http://a.example/'),
            text('javascript:alert(1)'),
            text('data:text/html,<script>alert(1)</script>'),
            text('/relative'),
            text('file:///etc/passwd')
          ]
        }
      ]
    })
    const marks = doc.content![0]!.content!.map((t) => t.marks)
    expect(marks).toEqual([
      [{ type: 'bold' }, { type: 'link', attrs: { href: 'http://a.example/' } }],
      [{ type: 'bold' }],
      [{ type: 'bold' }],
      [{ type: 'bold' }],
      [{ type: 'bold' }]
    ])
    expect(richDocProblem(doc)).toBeUndefined()
  })

  it('drops unknown nodes, marks, attribute values and broken quotes, keeping the rest', () => {
    const doc = toRichDoc({
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: 'https://evil.example/x.png' } },
        {
          type: 'paragraph',
          attrs: { style: { color: 'red' }, textAlign: 'left' },
          content: [
            { type: 'text', text: 'kept', marks: [{ type: 'highlight', attrs: { color: 'red' } }] },
            { type: 'text', text: '' }
          ]
        },
        { type: 'passageQuote', attrs: { ...quote, articleId: '' } },
        { type: 'heading', attrs: { level: 9 }, content: [{ type: 'text', text: 'h' }] }
      ]
    })
    expect(doc).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'left' },
          content: [{ type: 'text', text: 'kept' }]
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }] }
      ]
    })
    expect(richDocProblem(doc)).toBeUndefined()
  })
})

describe('richDocOf', () => {
  const schema = getSchema(noteExtensions())
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  const json = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Turnout' }] },
      paragraph('first'),
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph('an item')] }]
      },
      { type: 'passageQuote', attrs: quote },
      paragraph('last')
    ]
  }

  it('is toRichDoc of the JSON, after any change, converting only the blocks changed', () => {
    const doc = schema.nodeFromJSON(json)
    const first = richDocOf(doc)
    expect(first).toEqual(toRichDoc(doc.toJSON() as Parameters<typeof toRichDoc>[0]))
    expect(richDocProblem(first)).toBeUndefined()

    // One character typed into the second block, as a keystroke's transaction does.
    const at = doc.child(0).nodeSize + 1 + 'first'.length
    const changed = new Transform(doc).insert(at, schema.text('!')).doc
    const second = richDocOf(changed)
    expect(second).toEqual(toRichDoc(changed.toJSON() as Parameters<typeof toRichDoc>[0]))
    expect(second.content![1]).toEqual(paragraph('first!'))
    expect(first.content![1]).toEqual(paragraph('first'))
    // The blocks the change did not touch are the notes already made.
    for (const i of [0, 2, 3, 4]) expect(second.content![i]).toBe(first.content![i])
  })
})
