import type { Annotation } from '../../../shared/annotation'
import { unwrap } from '../transport/unwrap'
import { AutosavedNote } from './AutosavedNote'
import { useNotesWorkbench } from './NotesContext'
import { QuoteButton } from './QuoteButton'

interface Props {
  annotation: Annotation
  /** The highlight as stored with its new note, for the workbench to keep. */
  onSaved(annotation: Annotation): void
}

/**
 * A highlight's note in its card, and the way to quote it in a notebook. Each save is kept
 * without an undo step of the workbench: the editor has its own undo for the typing.
 */
export function HighlightNote({ annotation, onSaved }: Props) {
  const { onError } = useNotesWorkbench()
  const { articleId, id } = annotation
  return (
    <div className="card-note-field">
      <span className="field-label">Note</span>
      <AutosavedNote
        initial={annotation.note}
        label="Note on the highlight"
        placeholder="What you make of it"
        className="card-note"
        save={async (note, api) =>
          onSaved(await unwrap(api.updateAnnotation({ articleId, id, note })))
        }
        onError={onError}
      />
      <QuoteButton from={{ kind: 'highlight', annotation }} />
    </div>
  )
}
