import type { DOMOutputSpec, Mark, Node as PMNode } from 'prosemirror-model'
import type { RichDoc, RichNode } from '../../shared/richText'
import { escapeHtml } from './escapeHtml'
import { noteSchema } from './noteSchema'

/** Elements that have no closing tag. */
const VOID = new Set(['br', 'hr'])

/** Each node type's default attributes, which `toDOM` may read. */
const DEFAULT_ATTRS = new Map(
  Object.entries(noteSchema.nodes).map(([name, type]) => [
    name,
    Object.fromEntries(
      Object.entries(type.spec.attrs ?? {}).map(([key, spec]) => [key, spec.default as unknown])
    )
  ])
)

/**
 * A note as HTML, from the `toDOM` specs of the notes' model (ProseMirror's DOMOutputSpec,
 * rendered to a string: the core has no browser DOM, and building one per note costs
 * fifty times as much). The stored JSON is walked as it is — the model's `toDOM`s read
 * only `attrs` — so a 10,000-note export builds no ProseMirror nodes. Every text and
 * attribute is escaped, so a note can only produce the model's own elements; links are
 * http(s) with rel="noopener noreferrer".
 */
export function noteToHtml(doc: RichDoc): string {
  return childrenHtml(doc)
}

function childrenHtml(node: RichNode): string {
  let html = ''
  for (const child of node.content ?? []) html += nodeHtml(child)
  return html
}

function nodeHtml(node: RichNode): string {
  if (node.type === 'text') {
    let html = escapeHtml(node.text ?? '')
    const marks = node.marks ?? []
    for (let i = marks.length - 1; i >= 0; i--) {
      const mark = marks[i]!
      const toDOM = noteSchema.marks[mark.type]?.spec.toDOM
      if (!toDOM) continue
      const inner = html
      html = specHtml(toDOM({ attrs: mark.attrs ?? {} } as unknown as Mark, true), () => inner)
    }
    return html
  }
  const toDOM = noteSchema.nodes[node.type]?.spec.toDOM
  if (!toDOM) return childrenHtml(node)
  const defaults = DEFAULT_ATTRS.get(node.type)!
  const attrs = node.attrs ? { ...defaults, ...node.attrs } : defaults
  return specHtml(toDOM({ attrs } as unknown as PMNode), () => childrenHtml(node))
}

/** A DOMOutputSpec (`['tag', attrs?, ...children]`, `0` the hole for the content) as HTML. */
function specHtml(spec: DOMOutputSpec, hole: () => string): string {
  if (typeof spec === 'string') return escapeHtml(spec)
  if (!Array.isArray(spec)) throw new Error('noteToHtml: only array DOM specs are supported')
  const [tag, ...rest] = spec as [string, ...unknown[]]
  const hasAttrs =
    rest.length > 0 && typeof rest[0] === 'object' && rest[0] !== null && !Array.isArray(rest[0])
  const attrs = hasAttrs ? (rest.shift() as Record<string, unknown>) : {}
  let attributes = ''
  for (const [name, value] of Object.entries(attrs))
    if (value !== null && value !== undefined)
      attributes += ` ${name}="${escapeHtml(String(value))}"`
  if (VOID.has(tag)) return `<${tag}${attributes}>`
  let inner = ''
  for (const child of rest) inner += child === 0 ? hole() : specHtml(child as DOMOutputSpec, hole)
  return `<${tag}${attributes}>${inner}</${tag}>`
}
