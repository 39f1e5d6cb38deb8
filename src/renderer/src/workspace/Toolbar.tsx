import { useState } from 'react'
import type { ReactNode } from 'react'
import type { HighlightColor } from '../../../shared/annotation'
import type { HostInfo } from '../../../shared/api'

interface Props {
  host: HostInfo | undefined
  colorNames: string[]
  currentColor: HighlightColor
  scrollSync: boolean
  busy: string | undefined
  onImport(): void
  onPaste(): void
  /** Opens Export… (which also restores from a backup). */
  onExport?(): void
  onColor(color: HighlightColor): void
  onRenameColor(color: HighlightColor, name: string): void
  onToggleSync(): void
  onUndo(): void
  onRedo(): void
  onClaim(): void
  onShowShortcuts(): void
  /** The buttons that fold the library and annotations panels, at the ends they are on. */
  libraryToggle?: ReactNode
  annotationsToggle?: ReactNode
}

/** Import, undo, the colour legend (names editable) and scroll sync. */
export function Toolbar(props: Props) {
  const [renaming, setRenaming] = useState<HighlightColor>()
  return (
    <header className="toolbar">
      {props.libraryToggle}
      <span className="brand" aria-hidden="true">
        Dossier
      </span>
      <button
        type="button"
        className="primary"
        onClick={props.onImport}
        title="Import files (Ctrl+O)"
      >
        Import…
      </button>
      <button
        type="button"
        onClick={props.onPaste}
        title="New article from pasted text (Ctrl+Shift+V)"
      >
        Paste as article
      </button>
      {props.onExport && (
        <button
          type="button"
          onClick={() => props.onExport?.()}
          title="Export Markdown, CSV, a report or a backup; restore a backup (Ctrl+Shift+E)"
        >
          Export…
        </button>
      )}
      <span className="toolbar-gap" />
      <button type="button" aria-label="Undo" title="Undo (Ctrl+Z)" onClick={props.onUndo}>
        ↶
      </button>
      <button type="button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" onClick={props.onRedo}>
        ↷
      </button>
      <button
        type="button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={props.onClaim}
        title="Mark the selected text as a claim (C)"
      >
        Claim
      </button>
      <div className="legend" role="radiogroup" aria-label="Highlight colour">
        {props.colorNames.map((name, i) => {
          const color = (i + 1) as HighlightColor
          return renaming === color ? (
            <input
              key={color}
              className={`legend-edit swatch-${color}`}
              aria-label={`Name of colour ${color}`}
              defaultValue={name}
              autoFocus
              onBlur={(event) => {
                const value = event.target.value.trim()
                if (value) props.onRenameColor(color, value.slice(0, 40))
                setRenaming(undefined)
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur()
                if (event.key === 'Escape') setRenaming(undefined)
                event.stopPropagation()
              }}
            />
          ) : (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={props.currentColor === color}
              className={`legend-item swatch-${color}`}
              title={`${color}: ${name} — press ${color}; double-click to rename`}
              onClick={() => props.onColor(color)}
              onDoubleClick={() => setRenaming(color)}
              onKeyDown={(event) => {
                if (event.key === 'F2') setRenaming(color)
              }}
            >
              <span className="legend-key" aria-hidden="true">
                {color}
              </span>
              <span className="legend-name">{name}</span>
            </button>
          )
        })}
      </div>
      <span className="toolbar-gap" />
      <button
        type="button"
        className="toggle-button"
        aria-pressed={props.scrollSync}
        onClick={props.onToggleSync}
        title={
          props.scrollSync
            ? 'Sync scroll is on: the panes scroll together'
            : 'Sync scroll is off: each pane scrolls on its own'
        }
      >
        Sync scroll
        <span className="toggle-state" aria-hidden="true">
          {props.scrollSync ? 'on' : 'off'}
        </span>
      </button>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={props.onShowShortcuts}
      >
        ?
      </button>
      {props.busy && (
        <span className="busy" role="status">
          {props.busy}
        </span>
      )}
      {props.host && (
        <span className="host" title={props.host.dataDir}>
          {props.host.host === 'web' ? 'Browser' : 'Desktop'} · {props.host.dataDir}
        </span>
      )}
      {props.annotationsToggle}
    </header>
  )
}
