import type { ExportProgress } from '../../../shared/exporting'

/** How far an export has got, with Cancel; the workbench stays usable meanwhile. */
export function ExportProgressBar({
  progress,
  onCancel
}: {
  progress: ExportProgress | undefined
  onCancel(): void
}) {
  const total = progress?.total ?? 0
  return (
    <div className="import-progress export-progress" role="status" aria-label="Export progress">
      <span>
        {total > 0
          ? `Exporting ${progress!.done.toLocaleString()} of ${total.toLocaleString()}…`
          : 'Exporting…'}
      </span>
      <progress
        max={total || undefined}
        value={total > 0 ? progress!.done : undefined}
        aria-label="Export progress"
      />
      <button type="button" onClick={onCancel}>
        Cancel export
      </button>
    </div>
  )
}
