import type { MarkdownSerializerState } from 'prosemirror-markdown'
import { defaultMarkdownSerializer, MarkdownSerializer } from 'prosemirror-markdown'
import type { Node as PMNode } from 'prosemirror-model'
import { isHttpUrl } from '../../shared/richText'

const defaults = defaultMarkdownSerializer.nodes

/**
 * A line that starts after a hard break: prosemirror-markdown escapes only the start of a
 * block, so `- `, `# `, `> `, `1. ` or `===` there would turn into a list, a heading, a
 * quote or a setext underline. Leading spaces go too (four would make code); CommonMark
 * drops them from a paragraph's lines anyway.
 */
function escapeLineStart(state: MarkdownSerializerState, text: string): string {
  return state.esc(text.replace(/^[ \t]+/, ''), true).replace(/^=/, '\\=')
}

/**
 * Escaped in all text beyond prosemirror-markdown's own escaping: `<`, `>` and `&`, so text
 * never becomes raw HTML, an entity or a quote (a `>` prosemirror-markdown escaped already,
 * at the start of a line, is not escaped twice: that would show a stray backslash), and the
 * `)` of a `1) ` that starts a text, which CommonMark reads as an ordered list
 * (prosemirror-markdown escapes only `1. `).
 */
const EXTRA_ESCAPES = /[<&]|(?<!\\)>|(?<=^[ \t]*\d{1,9})\)(?=[ \t]|$)/g

/**
 * Notes (and the export's own documents, built from the same nodes) as CommonMark, through
 * prosemirror-markdown with the node names of Dossier's editor. Beyond its escaping, `<` and
 * `&` are escaped (`EXTRA_ESCAPES`), so text never becomes raw HTML or an entity: `<script>`
 * in a note or an article stays the text "<script>". Links are written only when http(s).
 */
export const markdownSerializer = new MarkdownSerializer(
  {
    doc: (state, node) => state.renderContent(node),
    paragraph: defaults.paragraph!,
    heading: (state, node) => {
      state.write(`${'#'.repeat(Number(node.attrs.level) || 1)} `)
      state.renderInline(node, false)
      // A heading that ends in `#` ("Issue #") would lose it as a closing sequence.
      const out = state as unknown as { out: string }
      out.out = out.out.replace(/(^|[ \t])(#+)$/, '$1\\$2')
      state.closeBlock(node)
    },
    blockquote: defaults.blockquote!,
    bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
    orderedList: (state, node) => {
      const start = Number(node.attrs.start) || 1
      const width = String(start + node.childCount - 1).length
      state.renderList(node, ' '.repeat(width + 2), (i) => `${String(start + i).padStart(width)}. `)
    },
    listItem: defaults.list_item!,
    codeBlock: (state, node) => {
      const ticks = node.textContent.match(/`{3,}/g)
      const fence = ticks ? `${ticks.sort().at(-1)!}\`` : '```'
      const language = String(node.attrs.language ?? '').replace(/[^\w+#.-]/g, '')
      state.write(`${fence}${language}\n`)
      state.text(node.textContent, false)
      state.write('\n')
      state.write(fence)
      state.closeBlock(node)
    },
    horizontalRule: (state, node) => {
      state.write('---')
      state.closeBlock(node)
    },
    hardBreak: defaults.hard_break!,
    text: (state, node, parent, index) => {
      const text = (node.text ?? '').replace(/\n/g, ' ')
      const afterBreak = index > 0 && parent.child(index - 1).type.name === 'hardBreak'
      if (afterBreak) state.text(escapeLineStart(state, text), false)
      else state.text(text, !(state as { inAutolink?: boolean }).inAutolink)
    },
    passageQuote: (state, node) => {
      state.wrapBlock('> ', null, node, () => {
        const lines = String(node.attrs.exact).split(/\n+/)
        lines.forEach((line, i) => {
          if (i > 0) state.write('\\\n')
          // Every line starts one inside the quote, the first too: `> reply` is text.
          state.text(escapeLineStart(state, line), false)
        })
        state.write('\\\n')
        state.text(`— ${String(node.attrs.title)}`)
      })
      state.closeBlock(node)
    }
  },
  {
    italic: { open: '*', close: '*', mixable: true, expelEnclosingWhitespace: true },
    bold: { open: '**', close: '**', mixable: true, expelEnclosingWhitespace: true },
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
    // CommonMark has no underline; the text stays, as plain text.
    underline: { open: '', close: '' },
    link: {
      open: (_state, mark) => (isHttpUrl(mark.attrs.href) ? '[' : ''),
      close: (_state, mark) =>
        isHttpUrl(mark.attrs.href)
          ? `](${new URL(String(mark.attrs.href)).href.replace(/[()"<> ]/g, encodeURIComponent)})`
          : '',
      mixable: true
    },
    code: defaultMarkdownSerializer.marks.code!
  },
  { escapeExtraCharacters: EXTRA_ESCAPES, hardBreakNodeName: 'hardBreak' }
)

/** A ProseMirror node of `noteSchema` as CommonMark. */
export function toMarkdown(node: PMNode): string {
  return markdownSerializer.serialize(node, { tightLists: true })
}
