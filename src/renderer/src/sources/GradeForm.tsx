import { useState } from 'react'
import type { Reliability, SourceRecord } from '../../../shared/source'
import { RELIABILITY_GRADES } from '../../../shared/source'
import { RELIABILITY_MEANING } from '../claims/admiraltyScale'

interface Props {
  source: SourceRecord
  onGrade(reliability: Reliability | null, reason: string): void
}

/** Grade a source's reliability, A–F: every change says why, and the reason is kept. */
export function GradeForm({ source, onGrade }: Props) {
  const [grade, setGrade] = useState<Reliability | ''>(source.reliability ?? '')
  const [reason, setReason] = useState('')
  const hintId = `grade-hint-${source.id}`
  return (
    <form
      className="grade-form"
      aria-label={`Grade ${source.name}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (reason.trim()) onGrade(grade === '' ? null : grade, reason.trim())
      }}
    >
      <label>
        Reliability
        <select
          value={grade}
          onChange={(event) => setGrade(event.target.value as Reliability | '')}
        >
          <option value="">Not graded</option>
          {RELIABILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g} — {RELIABILITY_MEANING[g]}
            </option>
          ))}
        </select>
      </label>
      <label className="source-grade-reason">
        Reason
        <input
          value={reason}
          required
          maxLength={2000}
          aria-describedby={hintId}
          placeholder="Why this grade: its record, access, motive"
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <button type="submit" disabled={reason.trim() === ''}>
        Grade
      </button>
      <p id={hintId} className="form-hint">
        Every grade change needs a reason; it is kept in the history below.
      </p>
    </form>
  )
}
