import { describe, expect, it } from 'vitest'
import { docToPlain, plainToDoc, RichDoc, richDocProblem } from '../../../src/shared/richText'

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (value: string, marks?: unknown[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {})
})
const doc = (...content: unknown[]) => ({ type: 'doc', content })

describe('a rich-text note', () => {
  it('accepts what the editor makes: headings, marks, lists, quotes, code, http(s) links', () => {
    const note = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Assessment')] },
      paragraph(
        text('The union’s figure', [{ type: 'bold' }]),
        text(' rests on '),
        text('its own count', [{ type: 'italic' }])
      ),
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(text('payroll: 900'))] }]
      },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [{ type: 'listItem', content: [paragraph(text('one'))] }]
      },
      { type: 'blockquote', content: [paragraph(text('quoted'))] },
      { type: 'codeBlock', attrs: { language: null }, content: [text('x = 1')] },
      paragraph(
        text('source', [
          {
            type: 'link',
            attrs: {
              href: 'https://example.org/a',
              target: '_blank',
              rel: 'noopener noreferrer nofollow',
              class: null
            }
          }
        ])
      ),
      {
        type: 'passageQuote',
        attrs: {
          articleId: 'abcd',
          annotationId: 'h1',
          kind: 'highlight',
          start: 3,
          end: 9,
          exact: 'roughly',
          title: 'Wire'
        }
      }
    )
    expect(RichDoc.safeParse(note).success).toBe(true)
    expect(docToPlain(note as RichDoc)).toBe(
      'Assessment\nThe union’s figure rests on its own count\npayroll: 900\none\nquoted\nx = 1\nsource\n“roughly”'
    )
  })

  it.each([
    [
      'a javascript: link',
      doc(paragraph(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])))
    ],
    [
      'a data: link',
      doc(paragraph(text('x', [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }])))
    ],
    ['an image', doc({ type: 'image', attrs: { src: 'http://evil.example/x.png' } })],
    ['raw HTML', doc({ type: 'html', content: '<script>alert(1)</script>' })],
    [
      'an onclick attribute on a link',
      doc(paragraph(text('x', [{ type: 'link', attrs: { href: 'https://a.b', onclick: 'x()' } }])))
    ],
    ['an unknown field', doc({ type: 'paragraph', style: 'color:red' })],
    ['an empty text node', doc(paragraph({ type: 'text', text: '' }))],
    ['a heading level 9', doc({ type: 'heading', attrs: { level: 9 } })],
    ['a passage quote without its article', doc({ type: 'passageQuote', attrs: { exact: 'x' } })],
    ['not a document', paragraph(text('x'))]
  ])('refuses %s, naming where it is', (_case, value) => {
    const problem = richDocProblem(value)
    expect(problem).toBeDefined()
    expect(RichDoc.safeParse(value).success).toBe(false)
  })

  it('refuses a note nested 100,000 levels deep without overflowing the stack', () => {
    let node: unknown = paragraph(text('x'))
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    expect(richDocProblem(doc(node))?.message).toMatch(/nested/)
  })

  it('plain text becomes one paragraph a line, and back', () => {
    const note = plainToDoc('union figure\n\nsee payroll')
    expect(note.content).toHaveLength(3)
    expect(RichDoc.safeParse(note).success).toBe(true)
    expect(docToPlain(note)).toBe('union figure\n\nsee payroll')
    expect(plainToDoc('   ')).toEqual({ type: 'doc', content: [] })
  })
})
