import { useState } from 'react'
import type { SourceKind, SourceRecord } from '../../../shared/source'
import { SOURCE_KINDS } from '../../../shared/source'
import { KIND_LABELS } from './kindLabels'
import { parseAliases } from './parseAliases'
import type { SourceFields } from './useSources'

interface Props {
  source: SourceRecord
  onSave(fields: SourceFields): void
}

/** Rename a source, change its kind, edit its aliases. */
export function SourceEditForm({ source, onSave }: Props) {
  const [name, setName] = useState(source.name)
  const [kind, setKind] = useState<SourceKind>(source.kind)
  const [aliases, setAliases] = useState(source.aliases.join('\n'))
  const fields: SourceFields = { name: name.trim(), kind, aliases: parseAliases(aliases) }
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
      <label>
        Name
        <input value={name} required onChange={(event) => setName(event.target.value)} />
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
      <button type="submit" disabled={!changed || !fields.name}>
        Save
      </button>
    </form>
  )
}
