import type { ReactNodeViewProps } from '@tiptap/react'
import { NodeViewWrapper } from '@tiptap/react'
import type { PassageQuoteAttrs } from '../../../shared/richText'
import { useNotesWorkbench } from './NotesContext'

const KIND_LABELS: Record<PassageQuoteAttrs['kind'], string> = {
  highlight: 'Highlight',
  claim: 'Claim',
  passage: 'Passage'
}

/**
 * A quoted passage as a block quote with its article's title as it is now, and "Go to
 * passage"; when the article is in the Trash or deleted, it says so instead of leading
 * nowhere.
 */
export function PassageQuoteView({ node, selected }: ReactNodeViewProps) {
  const links = useNotesWorkbench()
  const quote = node.attrs as PassageQuoteAttrs
  const { title, where } = links.resolve(quote)
  return (
    <NodeViewWrapper
      className={`passage-quote${selected ? ' selected' : ''}${where === 'library' ? '' : ' gone'}`}
      data-passage-quote=""
      role="group"
      aria-label={`${KIND_LABELS[quote.kind]} quoted from ${title}`}
    >
      <blockquote contentEditable={false}>{quote.exact}</blockquote>
      <p className="passage-quote-source" contentEditable={false}>
        <span className="passage-quote-kind">{KIND_LABELS[quote.kind]}</span>
        <cite>{title}</cite>
        {where === 'library' ? (
          <button
            type="button"
            className="passage-quote-go"
            title="Open the article with this passage selected (Enter when the quote is selected)"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => links.goTo(quote)}
          >
            Go to passage
          </button>
        ) : (
          <span className="passage-quote-gone" role="note">
            {where === 'trash'
              ? 'The article is in the Trash: restore it to go to the passage.'
              : 'The article was deleted.'}
          </span>
        )}
      </p>
    </NodeViewWrapper>
  )
}
