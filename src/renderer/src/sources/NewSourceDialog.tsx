import { useEffect, useRef, useState } from 'react'
import type { SourceDraft } from './SourceFields'
import { readDraft, SourceFields } from './SourceFields'
import type { SourceEdit } from './useSources'

interface Props {
  onCreate(fields: SourceEdit): void
  onClose(): void
}

/** A new entry of the registry: a name, its kind, and any other names it goes by. */
export function NewSourceDialog({ onCreate, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [draft, setDraft] = useState<SourceDraft>({ name: '', kind: 'person', aliases: '' })
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const fields = readDraft(draft)
  return (
    <dialog ref={dialog} aria-labelledby="new-source-title" onClose={onClose}>
      <form
        className="source-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!fields.name) return
          onCreate(fields)
          dialog.current?.close()
        }}
      >
        <h2 id="new-source-title">New source</h2>
        <SourceFields draft={draft} onChange={setDraft} autoFocus />
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!fields.name}>
            Add source
          </button>
        </div>
      </form>
    </dialog>
  )
}
