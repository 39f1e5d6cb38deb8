import { useEffect, useRef, useState } from 'react'
import type { ImportOutcome } from '../../../shared/importing'
import { EncodingChooser } from './EncodingChooser'
import type { ReviewedFile } from './useImport'

interface Props {
  files: ReviewedFile[]
  cancelled: boolean
  /** `replaced`: the article moved to the Trash because this one replaces it. */
  onChange(index: number, outcome: ImportOutcome, replaced?: string): void
  onOpen(articleId: string): void
  /** Brings an article back from the Trash, then opens it. */
  onRestore(articleId: string): void
  onClose(): void
  onError(error: unknown): void
}

/** Refusals a different encoding can fix. */
const ENCODING_REASONS = new Set(['not_decodable', 'unknown_encoding'])

function canChangeEncoding({ outcome, file }: ReviewedFile): boolean {
  if (!file) return false
  if (outcome.status === 'imported') return outcome.article.origin.encodingConfidence < 1
  return outcome.status === 'refused' && ENCODING_REASONS.has(outcome.reason)
}

/**
 * After an import: each file imported (with its encoding and how sure Dossier is), already
 * in the library, or refused with the reason; a wrongly decoded file can be retried.
 */
/** Each outcome in a sentence's words, capitalised as a sentence is: "Already in your library". */
const OUTCOME_WORDS: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already in your library',
  refused: 'Refused'
}

export function ImportReview({
  files,
  cancelled,
  onChange,
  onOpen,
  onRestore,
  onClose,
  onError
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [choosing, setChoosing] = useState<number>()
  // After the chooser is done (and gone), the keyboard goes back to the review: the file's
  // row (its next action) or Close, never the page.
  const returnTo = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (returnTo.current === undefined || choosing !== undefined) return
    const row = dialog.current?.querySelector(`li[data-index="${returnTo.current}"]`)
    returnTo.current = undefined
    const target =
      row?.querySelector<HTMLElement>('button') ??
      dialog.current?.querySelector<HTMLElement>('.review-close')
    target?.focus()
  })
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const count = (status: ImportOutcome['status']): number =>
    files.filter((f) => f.outcome.status === status).length
  return (
    <dialog
      ref={dialog}
      className="import-review"
      aria-labelledby="import-review-title"
      onClose={onClose}
    >
      <h2 id="import-review-title">{cancelled ? 'Import cancelled' : 'Import finished'}</h2>
      <p>
        {count('imported')} imported · {count('duplicate')} already in your library ·{' '}
        {count('refused')} refused
        {cancelled ? ' · the rest was not imported' : ''}
      </p>
      <ul>
        {files.map((reviewed, i) => {
          const { outcome } = reviewed
          return (
            <li key={i} className={`outcome ${outcome.status}`} data-index={i}>
              <span className="outcome-status">
                {outcome.status === 'duplicate' && outcome.trashed
                  ? 'In the Trash'
                  : OUTCOME_WORDS[outcome.status]}
              </span>
              <span className="outcome-name">{outcome.name}</span>
              {outcome.status === 'imported' && (
                <span className="outcome-detail">
                  “{outcome.article.title}” · {outcome.article.origin.encoding}
                  {outcome.article.origin.encodingConfidence < 1
                    ? ` (${Math.round(outcome.article.origin.encodingConfidence * 100)}% sure)`
                    : ''}
                </span>
              )}
              {outcome.status === 'duplicate' && !outcome.trashed && (
                <button type="button" className="link" onClick={() => onOpen(outcome.articleId)}>
                  Open “{outcome.title}”
                </button>
              )}
              {outcome.status === 'duplicate' && outcome.trashed && (
                <span className="outcome-detail">
                  “{outcome.title}” is in the Trash.{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => onRestore(outcome.articleId)}
                  >
                    Restore and open it
                  </button>
                </span>
              )}
              {outcome.status === 'refused' && (
                <span className="outcome-detail">{outcome.message}</span>
              )}
              {canChangeEncoding(reviewed) && choosing !== i && (
                <button type="button" className="link" onClick={() => setChoosing(i)}>
                  {outcome.status === 'imported'
                    ? 'Wrong characters? Choose another encoding…'
                    : 'Choose an encoding…'}
                </button>
              )}
              {choosing === i && reviewed.file && (
                <EncodingChooser
                  file={reviewed.file}
                  {...(outcome.status === 'imported' ? { replaces: outcome.article.id } : {})}
                  onDone={(next, replaced) => {
                    setChoosing(undefined)
                    onChange(i, next, replaced)
                    returnTo.current = i
                  }}
                  onError={onError}
                />
              )}
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        className="review-close"
        autoFocus
        onClick={() => dialog.current?.close()}
      >
        Close
      </button>
    </dialog>
  )
}
