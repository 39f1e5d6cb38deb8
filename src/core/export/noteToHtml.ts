import type { DOMOutputSpec, Node as PMNode } from 'prosemirror-model'
import type { RichDoc } from '../../shared/richText'
import { escapeHtml } from './escapeHtml'
import { noteNode } from './noteSchema'

/** Elements that have no closing tag. */
const VOID = new Set(['br', 'hr'])

/**
 * A note as HTML, from the `toDOM` specs of the notes' model (ProseMirror's DOMOutputSpec,
 * rendered to a string: the core has no browser DOM, and building one per note would cost
 * fifty times as much). Every text and attribute is escaped, so a note can only produce the
 * model's own elements; links are http(s) with rel="noopener noreferrer".
 */
export function noteToHtml(doc: RichDoc): string {
  return childrenHtml(noteNode(doc))
}

function childrenHtml(node: PMNode): string {
  let html = ''
  node.forEach((child) => (html += nodeHtml(child)))
  return html
}

function nodeHtml(node: PMNode): string {
  if (node.isText) {
    let html = escapeHtml(node.text ?? '')
    for (let i = node.marks.length - 1; i >= 0; i--) {
      const mark = node.marks[i]!
      const inner = html
      html = specHtml(mark.type.spec.toDOM!(mark, true), () => inner)
    }
    return html
  }
  const toDOM = node.type.spec.toDOM
  return toDOM ? specHtml(toDOM(node), () => childrenHtml(node)) : childrenHtml(node)
}

/** A DOMOutputSpec (`['tag', attrs?, ...children]`, `0` the hole for the content) as HTML. */
function specHtml(spec: DOMOutputSpec, hole: () => string): string {
  if (typeof spec === 'string') return escapeHtml(spec)
  if (!Array.isArray(spec)) throw new Error('noteToHtml: only array DOM specs are supported')
  const [tag, ...rest] = spec as [string, ...unknown[]]
  const hasAttrs =
    rest.length > 0 && typeof rest[0] === 'object' && rest[0] !== null && !Array.isArray(rest[0])
  const attrs = hasAttrs ? (rest.shift() as Record<string, unknown>) : {}
  const attributes = Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('')
  if (VOID.has(tag)) return `<${tag}${attributes}>`
  const inner = rest
    .map((child) => (child === 0 ? hole() : specHtml(child as DOMOutputSpec, hole)))
    .join('')
  return `<${tag}${attributes}>${inner}</${tag}>`
}
