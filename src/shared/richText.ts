import { z } from 'zod'

/**
 * A note as the editor (TipTap with the starter kit) stores it: ProseMirror JSON. Only
 * the nodes and marks of Dossier's editor are accepted, links are http(s) only, and a
 * document's depth and size are bounded before its shape is checked, so a hostile note
 * (pasted, or from someone else's backup) can neither carry markup the editor would not
 * make nor tie up the parser.
 */

export const NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
  'passageQuote'
] as const

/** Nesting deeper than any note an analyst writes. */
export const MAX_DEPTH = 64
/** Nodes in one document: a 50,000-word notebook has some 20,000. */
export const MAX_NODES = 400_000
/** Characters of text in one document. */
export const MAX_TEXT = 4_000_000

/** Whether a link may be stored: an absolute http(s) URL, as the URL parser reads it. */
export function isHttpUrl(href: unknown): boolean {
  if (typeof href !== 'string' || href.length > 4000) return false
  try {
    return /^https?:$/.test(new URL(href).protocol)
  } catch {
    return false
  }
}

const MARK_TYPES = new Set(['bold', 'italic', 'strike', 'underline', 'code', 'link'])
const LINK_ATTRS = new Set(['href', 'target', 'rel', 'class'])
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text'])
const NODE_TYPE_SET: ReadonlySet<string> = new Set(NODE_TYPES)

/** A passage quoted into a note: enough to show it and to lead back to it. */
export const PassageQuoteAttrs = z
  .object({
    articleId: z.string().min(1).max(128),
    /** The highlight or claim it was quoted from, if any. */
    annotationId: z.string().max(128).nullable().optional(),
    kind: z.enum(['highlight', 'claim', 'passage']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    exact: z.string().min(1).max(100_000),
    /** The article's title when quoted; the live title is shown when the article exists. */
    title: z.string().max(1000)
  })
  .strict()
export type PassageQuoteAttrs = z.infer<typeof PassageQuoteAttrs>

export interface RichMark {
  type: 'bold' | 'italic' | 'strike' | 'underline' | 'code' | 'link'
  attrs?: { href: string; target?: string | null; rel?: string | null; class?: string | null }
}

export interface RichNode {
  type: (typeof NODE_TYPES)[number]
  attrs?: Record<string, unknown>
  content?: RichNode[]
  marks?: RichMark[]
  text?: string
}

export type RichDoc = RichNode & { type: 'doc' }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function markProblem(mark: unknown): string | undefined {
  if (!isPlainObject(mark) || typeof mark.type !== 'string' || !MARK_TYPES.has(mark.type))
    return 'an unknown mark'
  if (Object.keys(mark).some((key) => key !== 'type' && key !== 'attrs'))
    return 'a mark with unknown fields'
  if (mark.type !== 'link') return mark.attrs === undefined ? undefined : 'a mark with attributes'
  if (!isPlainObject(mark.attrs) || !isHttpUrl(mark.attrs.href))
    return 'links must be http or https'
  for (const [key, value] of Object.entries(mark.attrs)) {
    if (!LINK_ATTRS.has(key)) return `a link with an unknown attribute "${key}"`
    if (key !== 'href' && value !== null && (typeof value !== 'string' || value.length > 100))
      return `a link's ${key} must be short text`
  }
  return undefined
}

function nodeProblem(node: unknown): string | undefined {
  if (!isPlainObject(node) || typeof node.type !== 'string' || !NODE_TYPE_SET.has(node.type))
    return 'an unknown kind of block or text'
  if (Object.keys(node).some((key) => !NODE_KEYS.has(key))) return 'a node with unknown fields'
  if (node.content !== undefined && !Array.isArray(node.content)) return 'content must be a list'
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') return 'a text node needs its text'
  } else if (node.text !== undefined) return 'only text nodes have text'
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks) || node.marks.length > 10) return 'marks must be a short list'
    for (const mark of node.marks) {
      const problem = markProblem(mark)
      if (problem) return problem
    }
  }
  if (node.attrs !== undefined) {
    if (!isPlainObject(node.attrs)) return 'attributes must be an object'
    for (const value of Object.values(node.attrs)) {
      const primitive =
        value === null ||
        ['number', 'boolean'].includes(typeof value) ||
        (typeof value === 'string' && value.length <= 100_000)
      if (!primitive) return 'attributes must be plain values'
    }
  }
  if (node.type === 'heading' && ![1, 2, 3, 4, 5, 6].includes(node.attrs?.level as number))
    return 'heading level must be 1–6'
  if (node.type === 'passageQuote' && !PassageQuoteAttrs.safeParse(node.attrs).success)
    return 'a passage quote needs its article and passage'
  return undefined
}

/**
 * What is wrong with a value as a note, with where it is (`content.3.marks`), or undefined.
 * Walked with a stack, not recursion, so depth is checked before it can hurt; written by
 * hand because a 50,000-word notebook is opened in about the time of its JSON.parse.
 */
export function richDocProblem(
  value: unknown
): { message: string; path: (string | number)[] } | undefined {
  if (!isPlainObject(value) || value.type !== 'doc')
    return { message: 'a note must be a document', path: [] }
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }]
  let nodes = 0
  let text = 0
  while (stack.length > 0) {
    const { node, path } = stack.pop()!
    if (path.length > MAX_DEPTH * 2)
      return { message: `the note is nested more than ${MAX_DEPTH} levels deep`, path: [] }
    if (++nodes > MAX_NODES) return { message: 'the note has too many parts', path: [] }
    const problem = nodeProblem(node)
    if (problem) return { message: problem, path }
    const { content, text: own } = node as RichNode
    text += own?.length ?? 0
    if (text > MAX_TEXT) return { message: 'the note is too long', path: [] }
    content?.forEach((child, i) => stack.push({ node: child, path: [...path, 'content', i] }))
  }
  return undefined
}

export const RichDoc = z.unknown().superRefine((value, ctx) => {
  const problem = richDocProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path })
}) as unknown as z.ZodType<RichDoc>

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [] }

/** Plain text as a document: one paragraph per line, as a note typed on the command line. */
export function plainToDoc(text: string): RichDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (text.trim() === '') return { type: 'doc', content: [] }
  return {
    type: 'doc',
    content: lines.map((line) =>
      line === ''
        ? { type: 'paragraph' }
        : { type: 'paragraph', content: [{ type: 'text', text: line }] }
    )
  }
}

/** A document's text, blocks on their own lines (for CSV cells, search and previews). */
export function docToPlain(doc: RichNode): string {
  const blocks: string[] = []
  const inline = (node: RichNode): string => {
    if (node.type === 'text') return node.text ?? ''
    if (node.type === 'hardBreak') return '\n'
    if (node.type === 'passageQuote') return `“${String(node.attrs?.exact ?? '')}”`
    return (node.content ?? []).map(inline).join('')
  }
  const walk = (node: RichNode): void => {
    const children = node.content ?? []
    const isTextBlock =
      node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock'
    if (isTextBlock || node.type === 'passageQuote') blocks.push(inline(node))
    else children.forEach(walk)
  }
  walk(doc)
  return blocks.join('\n').replace(/\n+$/, '')
}

/** The characters `/\s/` matches: what separates words in `docToPlain`'s text. */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff
}

/**
 * The words of a document's text: `docToPlain(doc).split(/\s+/).filter(Boolean).length`,
 * counted without building the text, because a long notebook is counted on every save.
 */
export function wordCount(doc: RichNode): number {
  let words = 0
  let inWord = false
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const space = isSpace(text.charCodeAt(i))
      if (!space && !inWord) words++
      inWord = !space
    }
  }
  const inline = (node: RichNode): void => {
    if (node.type === 'text') feed(node.text ?? '')
    else if (node.type === 'hardBreak') inWord = false
    else if (node.type === 'passageQuote') feed(`“${String(node.attrs?.exact ?? '')}”`)
    else node.content?.forEach(inline)
  }
  const walk = (node: RichNode): void => {
    const isTextBlock =
      node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock'
    if (isTextBlock || node.type === 'passageQuote') {
      // Each block is a line of its own.
      inWord = false
      inline(node)
    } else node.content?.forEach(walk)
  }
  walk(doc)
  return words
}

/** Whether a note has anything in it. */
export function isEmptyDoc(doc: RichNode): boolean {
  return docToPlain(doc).trim() === ''
}
