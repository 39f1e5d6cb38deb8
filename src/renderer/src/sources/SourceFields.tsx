import type { SourceKind } from '../../../shared/source'
import { SOURCE_KINDS } from '../../../shared/source'
import { KIND_LABELS } from './kindLabels'
import { parseAliases } from './parseAliases'
import type { SourceEdit } from './useSources'

/** A source's fields as typed: the aliases one per line, read by `readDraft`. */
export interface SourceDraft {
  name: string
  kind: SourceKind
  aliases: string
}

/** What a draft stores: the name trimmed, each alias once. */
export function readDraft(draft: SourceDraft): SourceEdit {
  return { name: draft.name.trim(), kind: draft.kind, aliases: parseAliases(draft.aliases) }
}

/**
 * A source's name, kind and aliases, as the new-source dialog and the edit form ask for
 * them; the form around them (`.source-form`) says what saving does.
 */
export function SourceFields({
  draft,
  onChange,
  autoFocus = false
}: {
  draft: SourceDraft
  onChange(draft: SourceDraft): void
  autoFocus?: boolean
}) {
  return (
    <>
      <label>
        Name
        <input
          autoFocus={autoFocus}
          required
          value={draft.name}
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
        />
      </label>
      <label>
        Kind
        <select
          value={draft.kind}
          onChange={(event) => onChange({ ...draft, kind: event.target.value as SourceKind })}
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="source-aliases">
        Aliases, one per line
        <textarea
          rows={3}
          value={draft.aliases}
          onChange={(event) => onChange({ ...draft, aliases: event.target.value })}
        />
      </label>
    </>
  )
}
