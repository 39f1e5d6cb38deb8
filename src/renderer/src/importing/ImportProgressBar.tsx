import type { ImportProgress } from './useImport'

/** Counts and a Cancel button while a large import runs; the page stays usable. */
export function ImportProgressBar({
  progress,
  onCancel
}: {
  progress: ImportProgress
  onCancel(): void
}) {
  return (
    <div className="import-progress" role="status" aria-label="Import progress">
      <span>
        Importing {progress.done.toLocaleString()} of {progress.total.toLocaleString()} files…
      </span>
      <progress max={progress.total} value={progress.done} aria-label="Files imported" />
      <button type="button" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  )
}
