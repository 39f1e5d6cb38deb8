import { useEffect, useRef } from 'react'
import type { ImportOutcome } from '../../../shared/importing'

interface Props {
  outcomes: ImportOutcome[]
  onOpen(articleId: string): void
  onClose(): void
}

/** After an import: each file imported, already in the library, or refused with the reason. */
export function ImportReview({ outcomes, onOpen, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const count = (status: ImportOutcome['status']): number =>
    outcomes.filter((o) => o.status === status).length
  return (
    <dialog
      ref={dialog}
      className="import-review"
      aria-labelledby="import-review-title"
      onClose={onClose}
    >
      <h2 id="import-review-title">Import finished</h2>
      <p>
        {count('imported')} imported · {count('duplicate')} already in your library ·{' '}
        {count('refused')} refused
      </p>
      <ul>
        {outcomes.map((outcome, i) => (
          <li key={i} className={`outcome ${outcome.status}`}>
            <span className="outcome-status">
              {outcome.status === 'duplicate' ? 'already in library' : outcome.status}
            </span>
            <span className="outcome-name">{outcome.name}</span>
            {outcome.status === 'imported' && (
              <span className="outcome-detail">
                {outcome.article.title} · {outcome.article.origin.encoding}
                {outcome.article.origin.encodingConfidence < 1
                  ? ` (${Math.round(outcome.article.origin.encodingConfidence * 100)}% sure)`
                  : ''}
              </span>
            )}
            {outcome.status === 'duplicate' && (
              <button type="button" className="link" onClick={() => onOpen(outcome.articleId)}>
                Open “{outcome.title}”
              </button>
            )}
            {outcome.status === 'refused' && (
              <span className="outcome-detail">{outcome.message}</span>
            )}
          </li>
        ))}
      </ul>
      <button type="button" autoFocus onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
