import { useEffect, useRef, useState } from 'react'
import type { SourceKind } from '../../../shared/source'
import { SOURCE_KINDS } from '../../../shared/source'
import { KIND_LABELS } from './kindLabels'
import { parseAliases } from './parseAliases'
import type { SourceFields } from './useSources'

interface Props {
  onCreate(fields: SourceFields): void
  onClose(): void
}

/** A new entry of the registry: a name, its kind, and any other names it goes by. */
export function NewSourceDialog({ onCreate, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<SourceKind>('person')
  const [aliases, setAliases] = useState('')
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  return (
    <dialog ref={dialog} aria-labelledby="new-source-title" onClose={onClose}>
      <form
        className="source-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!name.trim()) return
          onCreate({
            name: name.trim(),
            kind,
            aliases: parseAliases(aliases)
          })
          dialog.current?.close()
        }}
      >
        <h2 id="new-source-title">New source</h2>
        <label>
          Name
          <input
            autoFocus
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind)}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="source-aliases">
          Aliases, one per line
          <textarea rows={3} value={aliases} onChange={(event) => setAliases(event.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Add source
          </button>
        </div>
      </form>
    </dialog>
  )
}
