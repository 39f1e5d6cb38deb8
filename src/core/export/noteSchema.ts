import type { Mark, NodeSpec, Node as PMNode } from 'prosemirror-model'
import { Schema } from 'prosemirror-model'
import type { RichMark, RichNode } from '../../shared/richText'
import { isHttpUrl } from '../../shared/richText'

/**
 * The notes' document model as ProseMirror sees it, for the converters (prosemirror-
 * markdown, ProseMirror's DOM serializer) to read notes with. It mirrors the editor's
 * (TipTap's starter kit plus the passage quote; see `NODE_TYPES` in richText.ts) by name
 * and content, and is built here rather than taken from the editor because the core runs
 * without it: the editor's extensions come with React views. `toDOM` gives the HTML
 * export; every link is http(s) (checked when stored, and again here).
 */
const block = (tag: string): NodeSpec => ({
  content: 'inline*',
  group: 'block',
  toDOM: () => [tag, 0]
})

export const noteSchema = new Schema({
  nodes: {
    doc: { content: 'block*' },
    paragraph: block('p'),
    text: { group: 'inline' },
    heading: {
      attrs: { level: { default: 1 } },
      content: 'inline*',
      group: 'block',
      toDOM: (node) => [`h${Math.min(6, Math.max(1, Number(node.attrs.level) || 1))}`, 0]
    },
    blockquote: { content: 'block+', group: 'block', toDOM: () => ['blockquote', 0] },
    bulletList: { content: 'listItem+', group: 'block', toDOM: () => ['ul', 0] },
    orderedList: {
      attrs: { start: { default: 1 } },
      content: 'listItem+',
      group: 'block',
      toDOM: (node) => ['ol', { start: String(Number(node.attrs.start) || 1) }, 0]
    },
    listItem: { content: 'block+', toDOM: () => ['li', 0] },
    codeBlock: {
      attrs: { language: { default: null } },
      content: 'text*',
      marks: '',
      code: true,
      group: 'block',
      toDOM: () => ['pre', ['code', 0]]
    },
    hardBreak: { inline: true, group: 'inline', toDOM: () => ['br'] },
    horizontalRule: { group: 'block', toDOM: () => ['hr'] },
    passageQuote: {
      atom: true,
      group: 'block',
      attrs: {
        articleId: { default: '' },
        annotationId: { default: null },
        kind: { default: 'passage' },
        start: { default: 0 },
        end: { default: 0 },
        exact: { default: '' },
        title: { default: '' }
      },
      toDOM: (node) => [
        'blockquote',
        { class: 'passage', 'data-article-id': String(node.attrs.articleId) },
        ['p', String(node.attrs.exact)],
        ['footer', `— ${String(node.attrs.title)}`]
      ]
    }
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      toDOM: (mark: Mark) => [
        'a',
        {
          href: isHttpUrl(mark.attrs.href) ? String(mark.attrs.href) : '#',
          rel: 'noopener noreferrer'
        },
        0
      ]
    },
    bold: { toDOM: () => ['strong', 0] },
    italic: { toDOM: () => ['em', 0] },
    strike: { toDOM: () => ['s', 0] },
    underline: { toDOM: () => ['u', 0] },
    code: { toDOM: () => ['code', 0] }
  }
})

/**
 * A stored note as a ProseMirror node. Attributes the model does not know are left out
 * (ProseMirror refuses them), so a note from a newer editor still converts.
 */
export function noteNode(node: RichNode): PMNode {
  const type = noteSchema.nodes[node.type]!
  const marks = (node.marks ?? []).map((mark: RichMark) =>
    noteSchema.marks[mark.type]!.create(mark.type === 'link' ? { href: mark.attrs?.href } : null)
  )
  if (node.type === 'text') return noteSchema.text(node.text ?? '', marks)
  const attrs = Object.fromEntries(
    Object.keys(type.spec.attrs ?? {}).flatMap((key) =>
      node.attrs && node.attrs[key] !== undefined ? [[key, node.attrs[key]]] : []
    )
  )
  return type.create(attrs, (node.content ?? []).map(noteNode), marks)
}
