import type { RichDoc, RichMark, RichNode } from '../../../shared/richText'
import { isHttpUrl, NODE_TYPES, PassageQuoteAttrs } from '../../../shared/richText'

const NODE_TYPE_SET: ReadonlySet<string> = new Set(NODE_TYPES)
const PLAIN_MARKS = new Set(['bold', 'italic', 'strike', 'underline', 'code'])

interface EditorJson {
  type?: string
  attrs?: Record<string, unknown>
  content?: EditorJson[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}

function keepMark(mark: { type: string; attrs?: Record<string, unknown> }): RichMark | undefined {
  if (PLAIN_MARKS.has(mark.type)) return { type: mark.type as RichMark['type'] }
  if (mark.type === 'link' && isHttpUrl(mark.attrs?.href))
    return { type: 'link', attrs: { href: String(mark.attrs!.href) } }
  return undefined
}

function keepAttrs(attrs: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(attrs).filter(
    ([, value]) =>
      value === null ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (typeof value === 'string' && value.length <= 100_000)
  )
  return kept.length > 0 ? Object.fromEntries(kept) : undefined
}

function keepNode(node: EditorJson): RichNode | undefined {
  if (!node.type || !NODE_TYPE_SET.has(node.type)) return undefined
  const type = node.type as RichNode['type']
  if (type === 'text') {
    if (!node.text) return undefined
    const marks = (node.marks ?? []).map(keepMark).filter((m) => m !== undefined)
    return marks.length > 0 ? { type, text: node.text, marks } : { type, text: node.text }
  }
  if (type === 'passageQuote') {
    const parsed = PassageQuoteAttrs.safeParse(node.attrs)
    return parsed.success ? { type, attrs: parsed.data } : undefined
  }
  const kept: RichNode = { type }
  const attrs = node.attrs && keepAttrs(node.attrs)
  if (attrs) kept.attrs = attrs
  if (type === 'heading') {
    const level = Number(attrs?.level)
    kept.attrs = { ...attrs, level: level >= 1 && level <= 6 ? Math.round(level) : 2 }
  }
  if (node.content) kept.content = node.content.map(keepNode).filter((n) => n !== undefined)
  return kept
}

/**
 * The editor's JSON as a note the store accepts (`richDocProblem`): only Dossier's nodes and
 * marks, plain attribute values, links with an http(s) `href` and nothing else. The editor's
 * schema already drops what it cannot hold when HTML is pasted; this is the last word before
 * a save, so a link title or a scheme that slipped through costs that part, not the save.
 */
export function toRichDoc(json: EditorJson): RichDoc {
  return {
    type: 'doc',
    content: (json.content ?? []).map(keepNode).filter((n) => n !== undefined)
  }
}

/** A block of the editor's document as ProseMirror holds it: immutable, shared by states. */
interface EditorBlock {
  toJSON(): unknown
}

/** Each block already converted, until ProseMirror lets go of it. */
const converted = new WeakMap<EditorBlock, RichNode | null>()

/**
 * `toRichDoc` of the editor's document, converting only the top-level blocks not met before:
 * a change leaves every block it did not touch the same object, so the save after a
 * keystroke in a long notebook converts one block, not the notebook. What it returns shares
 * those blocks' notes between calls; they are sent as they are, never changed.
 */
export function richDocOf(doc: { forEach(each: (block: EditorBlock) => void): void }): RichDoc {
  const content: RichNode[] = []
  doc.forEach((block) => {
    let kept = converted.get(block)
    if (kept === undefined) {
      kept = keepNode(block.toJSON() as EditorJson) ?? null
      converted.set(block, kept)
    }
    if (kept) content.push(kept)
  })
  return { type: 'doc', content }
}
