import { useId, useState } from 'react'
import type { Reliability, SourceRecord } from '../../../shared/source'
import { RELIABILITY_GRADES } from '../../../shared/source'
import { RELIABILITY_MEANING } from './admiraltyScale'

interface Props {
  source: SourceRecord | undefined
  /** A grade asked for from the keyboard (Shift+A–F): ask its reason at once. */
  asked: Reliability | undefined
  onGrade(reliability: Reliability | null, reason: string): Promise<void>
  onAskedDone(): void
}

/**
 * The claimant's reliability, A–F. It belongs to the source, so changing it here changes
 * it for every claim of that source, and the registry keeps the reason: the field asks.
 */
export function ReliabilityField({ source, asked, onGrade, onAskedDone }: Props) {
  const id = useId()
  const [chosen, setChosen] = useState<Reliability | null>()
  const [reason, setReason] = useState('')
  const pending = asked ?? chosen
  const current = source?.reliability ?? null

  const finish = (): void => {
    setChosen(undefined)
    setReason('')
    onAskedDone()
  }
  const save = (): void => {
    if (pending === undefined || reason.trim() === '') return
    onGrade(pending, reason.trim()).then(finish, () => undefined)
  }

  return (
    <div className="reliability-field">
      <label htmlFor={`${id}-grade`}>Reliability of claimant</label>
      <select
        id={`${id}-grade`}
        disabled={!source}
        title={source ? 'Graded once for the source, used by all its claims' : undefined}
        value={pending === undefined ? (current ?? '') : (pending ?? '')}
        onChange={(event) => {
          const value = (event.target.value || null) as Reliability | null
          if (value === current) return finish()
          onAskedDone()
          setChosen(value)
        }}
      >
        <option value="">{source ? '? ungraded' : '— no claimant'}</option>
        {RELIABILITY_GRADES.map((grade) => (
          <option key={grade} value={grade}>
            {grade} — {RELIABILITY_MEANING[grade]}
          </option>
        ))}
      </select>
      {source && pending !== undefined && pending !== current && (
        <div
          className="grade-reason"
          role="group"
          aria-label={`Why “${source.name}” is now ${pending ?? 'ungraded'}`}
        >
          <label htmlFor={`${id}-reason`}>
            Why is “{source.name}” now {pending ?? 'ungraded'}?
          </label>
          <input
            id={`${id}-reason`}
            autoFocus
            value={reason}
            placeholder="e.g. accurate on turnout figures before"
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save()
              if (event.key === 'Escape') {
                event.stopPropagation()
                finish()
              }
            }}
          />
          <div className="row-actions">
            <button
              type="button"
              className="primary"
              disabled={reason.trim() === ''}
              onClick={save}
            >
              Save grade
            </button>
            <button type="button" onClick={finish}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
