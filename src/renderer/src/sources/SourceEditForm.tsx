import { useState } from 'react'
import type { SourceRecord } from '../../../shared/source'
import { readDraft, SourceFields } from './SourceFields'
import type { SourceEdit } from './useSources'

interface Props {
  source: SourceRecord
  onSave(fields: SourceEdit): void
}

/** Rename a source, change its kind, edit its aliases. */
export function SourceEditForm({ source, onSave }: Props) {
  const [draft, setDraft] = useState({
    name: source.name,
    kind: source.kind,
    aliases: source.aliases.join('\n')
  })
  const fields = readDraft(draft)
  const changed =
    fields.name !== source.name ||
    fields.kind !== source.kind ||
    fields.aliases.join('\n') !== source.aliases.join('\n')
  return (
    <form
      className="source-form"
      aria-label={`Name and aliases of ${source.name}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (changed && fields.name) onSave(fields)
      }}
    >
      <SourceFields draft={draft} onChange={setDraft} />
      <button type="submit" disabled={!changed || !fields.name}>
        Save
      </button>
    </form>
  )
}
