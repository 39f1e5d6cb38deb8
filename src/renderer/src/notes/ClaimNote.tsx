import type { Claim } from '../../../shared/claim'
import { unwrap } from '../transport/unwrap'
import { AutosavedNote } from './AutosavedNote'
import { useNotesWorkbench } from './NotesContext'
import { QuoteButton } from './QuoteButton'

interface Props {
  claim: Claim
  /** The claim as stored with its new note, for the workbench to keep. */
  onSaved(claim: Claim): void
}

/**
 * A claim's note in its card, and the way to quote it in a notebook. Each save is kept
 * without an undo step of the workbench: the editor has its own undo for the typing.
 */
export function ClaimNote({ claim, onSaved }: Props) {
  const { onError } = useNotesWorkbench()
  const { articleId, id } = claim
  return (
    <div className="card-note-field">
      <span className="field-label">Note</span>
      <AutosavedNote
        initial={claim.note}
        label="Note on the claim"
        placeholder="What you make of it"
        className="card-note"
        save={async (note, api) => onSaved(await unwrap(api.updateClaim({ articleId, id, note })))}
        onError={onError}
      />
      <QuoteButton from={{ kind: 'claim', claim }} />
    </div>
  )
}
