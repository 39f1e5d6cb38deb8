/** The DOM, as little of it as the walk needs (linkedom's nodes have it). */
interface WalkNode {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  childNodes: ArrayLike<WalkNode>
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** Never text: code, styling, embedded documents and form controls. */
const SKIPPED = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME FRAME FRAMESET OBJECT EMBED SVG MATH CANVAS AUDIO VIDEO SELECT TEXTAREA BUTTON INPUT HEAD TITLE META LINK'.split(
    ' '
  )
)

/** Elements that start their own paragraph: a blank line before and after. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TR UL'.split(
    ' '
  )
)

/** Cells of a row stay on one line. */
const CELLS = new Set(['TD', 'TH'])

/**
 * Plain text of an HTML fragment: paragraphs and other blocks separated by one blank
 * line, `<br>` as a line break, runs of white space collapsed as a browser would (except
 * in `<pre>`). Only text nodes are read, so attributes (event handlers, URLs) never reach
 * the text, and scripts, styles and embedded frames are skipped entirely.
 */
export function htmlToText(root: WalkNode): string {
  const parts: string[] = []
  walk(root, parts, false)
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replaceAll('\u0000', '\n')
}

function walk(node: WalkNode, parts: string[], inPre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const text = node.nodeValue ?? ''
    // Line breaks inside <pre> are content: hidden from the clean-up below as NUL, which
    // cannot occur in the text (files with NUL are refused before parsing).
    parts.push(inPre ? text.replace(/\r\n?|\n/g, '\u0000') : text.replace(/[ \t\n\r\f]+/g, ' '))
    return
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return
  const tag = node.nodeName.toUpperCase()
  if (SKIPPED.has(tag)) return
  if (tag === 'BR') {
    parts.push('\n')
    return
  }
  const block = BLOCKS.has(tag)
  if (block) parts.push('\n\n')
  for (let i = 0; i < node.childNodes.length; i++)
    walk(node.childNodes[i]!, parts, inPre || tag === 'PRE')
  if (CELLS.has(tag)) parts.push('\t')
  if (block) parts.push('\n\n')
}
