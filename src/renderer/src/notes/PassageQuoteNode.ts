import { mergeAttributes, Node } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { ReactNodeViewRenderer } from '@tiptap/react'
import type { PassageQuoteAttrs } from '../../../shared/richText'
import { PassageQuoteAttrs as PassageQuoteSchema } from '../../../shared/richText'
import { PassageQuoteView } from './PassageQuoteView'

/** Every attribute lives in a `data-` attribute of the same name when copied as HTML. */
const DATA = {
  articleId: 'data-article-id',
  annotationId: 'data-annotation-id',
  kind: 'data-kind',
  start: 'data-start',
  end: 'data-end',
  exact: 'data-exact',
  title: 'data-title'
} as const

const DEFAULTS: PassageQuoteAttrs = {
  articleId: '',
  annotationId: null,
  kind: 'passage',
  start: 0,
  end: 0,
  exact: '',
  title: ''
}

/** The attributes of copied HTML, if they make a valid quote (pasted HTML may be hostile). */
function attrsFrom(element: HTMLElement): PassageQuoteAttrs | undefined {
  const read = (key: keyof typeof DATA) => element.getAttribute(DATA[key])
  const parsed = PassageQuoteSchema.safeParse({
    articleId: read('articleId'),
    annotationId: read('annotationId'),
    kind: read('kind'),
    start: Number(read('start')),
    end: Number(read('end')),
    exact: read('exact'),
    title: read('title') ?? ''
  })
  return parsed.success ? parsed.data : undefined
}

/**
 * A passage quoted from an article: one block that cannot be edited (the quote is the
 * article's words), drawn by `PassageQuoteView` with its article and the way back to it.
 */
export const PassageQuoteNode = Node.create({
  name: 'passageQuote',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return Object.fromEntries(
      (Object.keys(DATA) as (keyof typeof DATA)[]).map((key) => [
        key,
        {
          default: DEFAULTS[key],
          parseHTML: (element: HTMLElement) => attrsFrom(element)?.[key],
          renderHTML: (attrs: Record<string, unknown>) =>
            attrs[key] === null || attrs[key] === undefined
              ? {}
              : { [DATA[key]]: String(attrs[key]) }
        }
      ])
    )
  },

  parseHTML() {
    return [
      {
        tag: 'div[data-passage-quote]',
        getAttrs: (element) => (attrsFrom(element) ? null : false)
      }
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as PassageQuoteAttrs
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-passage-quote': '' }),
      ['blockquote', attrs.exact],
      ['p', `— ${attrs.title}`]
    ]
  },

  renderText({ node }) {
    return `“${String(node.attrs.exact)}” — ${String(node.attrs.title)}`
  },

  addNodeView() {
    return ReactNodeViewRenderer(PassageQuoteView)
  },

  addKeyboardShortcuts() {
    return {
      // Enter on a selected quote does what its "Go to passage" button does, if it has one.
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name)
          return false
        const view = editor.view.nodeDOM(selection.from)
        const go = view instanceof HTMLElement && view.querySelector('button.passage-quote-go')
        if (!(go instanceof HTMLButtonElement)) return false
        go.click()
        return true
      }
    }
  }
})
