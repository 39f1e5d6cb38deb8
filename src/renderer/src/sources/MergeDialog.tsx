import { useEffect, useRef, useState } from 'react'
import type { SourceRecord } from '../../../shared/source'
import { formatCount } from '../format/formatCount'

interface Props {
  source: SourceRecord
  /** The sources it can be merged with. */
  others: SourceRecord[]
  onMerge(survivor: SourceRecord, merged: SourceRecord): void
  onClose(): void
}

const CLAIMS = { one: 'claim', other: 'claims' }

/**
 * Two entries that are one source: pick the other, choose which name survives, and see
 * how many claims move before confirming. Undo brings the merged one back.
 */
export function MergeDialog({ source, others, onMerge, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [otherId, setOtherId] = useState(others[0]?.id ?? '')
  const [keep, setKeep] = useState<'this' | 'other'>('other')
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const other = others.find((s) => s.id === otherId)
  const [survivor, merged] = keep === 'this' ? [source, other] : [other, source]
  return (
    <dialog ref={dialog} className="merge-dialog" aria-labelledby="merge-title" onClose={onClose}>
      <h2 id="merge-title">Merge “{source.name}” with another source</h2>
      <label className="dialog-field">
        The other source
        <select autoFocus value={otherId} onChange={(event) => setOtherId(event.target.value)}>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {other && (
        <fieldset className="dialog-field">
          <legend>Which one stays?</legend>
          <label>
            <input
              type="radio"
              name="survivor"
              checked={keep === 'other'}
              onChange={() => setKeep('other')}
            />
            {other.name}
          </label>
          <label>
            <input
              type="radio"
              name="survivor"
              checked={keep === 'this'}
              onChange={() => setKeep('this')}
            />
            {source.name}
          </label>
        </fieldset>
      )}
      {survivor && merged && (
        <p className="merge-summary" role="status">
          {formatCount(merged.claims, CLAIMS)} of “{merged.name}” will name “{survivor.name}”; “
          {merged.name}” and its aliases become aliases of “{survivor.name}”
          {survivor.reliability ? `, graded ${survivor.reliability}` : ''}. Undo brings it back.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!survivor || !merged}
          onClick={() => {
            if (survivor && merged) onMerge(survivor, merged)
            dialog.current?.close()
          }}
        >
          Merge
        </button>
      </div>
    </dialog>
  )
}
