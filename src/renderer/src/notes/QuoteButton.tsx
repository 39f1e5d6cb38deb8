import type { Quotable } from './NotesContext'
import { useNotesWorkbench } from './NotesContext'
import { startPassageDrag } from './passageDrag'

/** "Quote in notebook": click it (or press Q), or drag it into any note. */
export function QuoteButton({ from }: { from: Quotable }) {
  const notes = useNotesWorkbench()
  return (
    <div className="row-actions">
      <button
        type="button"
        className="quote-button"
        draggable
        title="Quote the passage in the open notebook (Q), or drag it into a note"
        onDragStart={(event) => startPassageDrag(event, notes.quoteOf(from))}
        onClick={() => notes.quote([from])}
      >
        <span aria-hidden="true">⠿ </span>Quote in notebook
      </button>
    </div>
  )
}
