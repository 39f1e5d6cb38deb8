import type { Mark, Node as PMNode } from 'prosemirror-model'
import type { RichDoc, RichNode } from '../../shared/richText'
import { noteNode, noteSchema } from './noteSchema'

/**
 * Building blocks of the Markdown export's documents, as nodes of the notes' own model, so
 * the article passages, claim fields and headings go through the same converter (and the
 * same escaping) as the notes themselves.
 */
const { nodes, marks } = noteSchema

export function heading(level: number, text: string): PMNode {
  return nodes.heading!.create({ level }, inline(oneLine(text)))
}

export function paragraph(content: PMNode[]): PMNode {
  return nodes.paragraph!.create(null, content)
}

/** Plain text (empty text gives no node: ProseMirror has no empty text nodes). */
export function inline(text: string, mark?: 'bold' | 'italic'): PMNode[] {
  const withMarks: Mark[] = mark ? [marks[mark]!.create()] : []
  return text === '' ? [] : [noteSchema.text(text, withMarks)]
}

/** A passage of an article as a block quote: paragraphs at blank lines, breaks at others. */
export function quoteBlock(text: string): PMNode {
  const paragraphs = text
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== '')
    .map((part) =>
      paragraph(
        part
          .split('\n')
          .flatMap((line, i) => [...(i > 0 ? [nodes.hardBreak!.create()] : []), ...inline(line)])
      )
    )
  return nodes.blockquote!.create(null, paragraphs.length > 0 ? paragraphs : [paragraph([])])
}

/** A list of "**Label:** value" items. */
export function fieldList(fields: [label: string, value: string][]): PMNode {
  return nodes.bulletList!.create(
    null,
    fields.map(([label, value]) =>
      nodes.listItem!.create(null, [
        paragraph([...inline(`${label}:`, 'bold'), ...inline(` ${oneLine(value)}`)])
      ])
    )
  )
}

/**
 * A stored note's blocks, its headings moved `below` levels down (at most to 6), so a note
 * under "### Claim" keeps its outline inside that section.
 */
export function noteBlocks(doc: RichDoc, below: number): PMNode[] {
  const shift = (node: RichNode): RichNode => ({
    ...node,
    ...(node.type === 'heading'
      ? { attrs: { ...node.attrs, level: Math.min(6, Number(node.attrs?.level ?? 1) + below) } }
      : {}),
    ...(node.content ? { content: node.content.map(shift) } : {})
  })
  const node = noteNode(shift(doc))
  const blocks: PMNode[] = []
  node.forEach((child) => blocks.push(child))
  return blocks
}

export function document(blocks: PMNode[]): PMNode {
  return nodes.doc!.create(null, blocks)
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
