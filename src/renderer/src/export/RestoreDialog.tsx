import { useEffect, useRef, useState } from 'react'
import type { RestoreSummary } from '../../../shared/exporting'
import { MAX_BACKUP_CHARS } from '../../../shared/exporting'
import { unwrap } from '../transport/unwrap'
import { describeRestore } from './exportSummary'
import { RadioOption } from './RadioOption'

interface Props {
  /** Whether the library has no articles: only then can a backup be restored exactly. */
  libraryEmpty: boolean
  /** Called when the dialog closes; `restored` when the library changed under the page. */
  onClose(restored: boolean): void
}

/**
 * Restore from backup…: a JSON backup chosen with the file picker, restored into an empty
 * library exactly or merged into this one, then what was added, updated and kept.
 */
export function RestoreDialog({ libraryEmpty, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [file, setFile] = useState<File>()
  const [mode, setMode] = useState<'empty' | 'merge'>(libraryEmpty ? 'empty' : 'merge')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [summary, setSummary] = useState<RestoreSummary>()

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const restore = async (): Promise<void> => {
    if (!file) return
    setError(undefined)
    if (file.size > MAX_BACKUP_CHARS * 3) {
      setError(
        `${file.name} is too large to restore here; use dossier restore on the command line.`
      )
      return
    }
    setBusy(true)
    try {
      const content = await file.text()
      if (content.length > MAX_BACKUP_CHARS)
        throw new Error(
          `${file.name} is over ${MAX_BACKUP_CHARS / 1024 / 1024} MB; restore it with dossier restore on the command line.`
        )
      setSummary(await unwrap(window.api.restoreBackup({ content, mode, fileName: file.name })))
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="export-dialog restore-dialog"
      aria-labelledby="restore-title"
      onClose={() => onClose(summary !== undefined)}
    >
      <h2 id="restore-title">Restore from backup</h2>
      {summary ? (
        <div role="status">
          <p>
            Restored {file?.name}
            {summary.mode === 'merge' ? ', merged into this library' : ''}.
          </p>
          <ul className="restore-summary">
            {describeRestore(summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <label>
            Backup file (from Export → JSON backup)
            <input
              type="file"
              accept=".json,application/json"
              onChange={(event) => setFile(event.target.files?.[0])}
            />
          </label>
          <fieldset>
            <legend>How</legend>
            <RadioOption
              name="restore-mode"
              checked={mode === 'merge'}
              onChoose={() => setMode('merge')}
            >
              Merge into this library (no duplicates; the newer version of each record wins)
            </RadioOption>
            <RadioOption
              name="restore-mode"
              checked={mode === 'empty'}
              disabled={!libraryEmpty}
              onChoose={() => setMode('empty')}
            >
              Restore exactly{libraryEmpty ? '' : ' (only into an empty library)'}
            </RadioOption>
          </fieldset>
          {error && (
            <p className="message error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
      <div className="dialog-actions">
        {summary ? (
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            Done
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={!file || busy}
              onClick={() => void restore()}
            >
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          </>
        )}
      </div>
    </dialog>
  )
}
