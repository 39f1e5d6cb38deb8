import { useId, useRef, useState } from 'react'
import type { SourceKind, SourceRecord } from '../../../shared/source'
import { SOURCE_KINDS } from '../../../shared/source'
import { matchSources, sourceNamed } from './matchSources'

interface Props {
  sources: SourceRecord[]
  current: SourceRecord | undefined
  /** Shown when the claim names a source no longer in the registry. */
  missing: boolean
  onPick(source: SourceRecord): void
  onCreate(name: string, kind: SourceKind): Promise<void>
  onClear(): void
}

/** Options shown at most: typing narrows them. */
const SHOWN = 12

/**
 * The claimant, picked from the sources registry: an ARIA combobox that filters sources
 * by name and alias as the analyst types; Enter picks, and "Add “…” as a new source"
 * creates one after asking its kind.
 */
export function SourcePicker({ sources, current, missing, onPick, onCreate, onClear }: Props) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState<string>()
  const [active, setActive] = useState(0)
  const [adding, setAdding] = useState<{ name: string; kind: SourceKind }>()
  const open = query !== undefined
  const typed = query?.trim() ?? ''
  const matches = open ? matchSources(sources, typed).slice(0, SHOWN) : []
  const canAdd = typed !== '' && !sourceNamed(sources, typed)
  const options = matches.length + (canAdd ? 1 : 0)
  const activeIndex = Math.min(active, options - 1)

  const close = (): void => {
    setQuery(undefined)
    setActive(0)
  }
  const choose = (index: number): void => {
    const source = matches[index]
    if (source) {
      onPick(source)
      close()
    } else if (canAdd) {
      setAdding({ name: typed, kind: 'person' })
      close()
    }
  }

  // A failed create keeps the form, so the analyst can change the name or the kind.
  const create = (): void => {
    if (!adding) return
    onCreate(adding.name, adding.kind).then(
      () => {
        setAdding(undefined)
        input.current?.focus()
      },
      () => undefined
    )
  }

  return (
    <div className="source-picker">
      <label htmlFor={`${id}-input`}>Claimant</label>
      <div className="combobox">
        <input
          ref={input}
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open && options > 0}
          aria-controls={`${id}-options`}
          aria-autocomplete="list"
          aria-activedescendant={open && options > 0 ? `${id}-option-${activeIndex}` : undefined}
          autoComplete="off"
          placeholder={missing ? 'A source no longer in the registry' : 'Who asserts this?'}
          value={query ?? current?.name ?? ''}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onFocus={(event) => event.currentTarget.select()}
          onBlur={close}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              if (!open) return setQuery('')
              const step = event.key === 'ArrowDown' ? 1 : -1
              setActive((activeIndex + step + options) % Math.max(options, 1))
            } else if (event.key === 'Enter' && open && options > 0) {
              event.preventDefault()
              choose(activeIndex)
            } else if (event.key === 'Escape' && open) {
              event.preventDefault()
              event.stopPropagation()
              close()
            }
          }}
        />
        {current && (
          <button
            type="button"
            className="quiet"
            aria-label={`Clear the claimant ${current.name}`}
            title="Clear the claimant"
            onClick={onClear}
          >
            ✕
          </button>
        )}
      </div>
      {open && options > 0 && (
        <ul className="combobox-options" id={`${id}-options`} role="listbox" aria-label="Sources">
          {matches.map((source, index) => (
            <li
              key={source.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              <span>{source.name}</span>
              <span className="option-detail">
                {source.kind} · {source.reliability ?? 'ungraded'} · {source.claims}{' '}
                {source.claims === 1 ? 'claim' : 'claims'}
              </span>
            </li>
          ))}
          {canAdd && (
            <li
              id={`${id}-option-${matches.length}`}
              role="option"
              aria-selected={activeIndex === matches.length}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(matches.length)}
            >
              Add “{typed}” as a new source
            </li>
          )}
        </ul>
      )}
      {adding && (
        <div
          className="new-source"
          role="group"
          aria-label={`New source “${adding.name}”`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setAdding(undefined)
              input.current?.focus()
            } else if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
              event.preventDefault()
              create()
            }
          }}
        >
          <label>
            “{adding.name}” is a
            <select
              autoFocus
              value={adding.kind}
              onChange={(event) => setAdding({ ...adding, kind: event.target.value as SourceKind })}
            >
              {SOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={create}>
            Add source
          </button>
          <button type="button" onClick={() => setAdding(undefined)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  )
}
