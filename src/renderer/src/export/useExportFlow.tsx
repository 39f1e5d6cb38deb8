import type { ReactNode } from 'react'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { HostInfo } from '../../../shared/api'
import type { ExportProgress } from '../../../shared/exporting'
import { MENU_CHORDS } from '../../../shared/menuCommands'
import { unwrap } from '../transport/unwrap'
import type { Shortcut } from '../workspace/shortcut'
import { downloadFile } from './downloadFile'
import type { DialogFormat, ExportInput, ExportScope } from './ExportDialog'
import { ExportDialog } from './ExportDialog'
import { ExportProgressBar } from './ExportProgressBar'
import { describeCounts } from './exportSummary'
import { RestoreDialog } from './RestoreDialog'
import './export.css'

interface Options {
  host: HostInfo | undefined
  /** The articles selected in the library. */
  selectedIds: readonly string[]
  /** The active pane's article. */
  current: { id: string; title: string } | undefined
  libraryEmpty: boolean
  say(text: string, kind?: 'error' | 'info'): void
  report(error: unknown): void
}

/** What the dialog opens with. */
interface ExportPreset {
  format?: DialogFormat
  scope?: ExportScope
  /** The articles "selected" means (the context menu's), instead of the library's selection. */
  articleIds?: string[]
}

/** How often the progress of a running export is asked for. */
const PROGRESS_MS = 250

/**
 * Export and restore, from the toolbar, the menu, the library's context menu or
 * Ctrl/Cmd+Shift+E: the dialog, then the export in the background with its progress and
 * Cancel, then a download (web) or the save dialog (desktop; also Export as PDF). After a
 * restore the page reloads, so everything it shows is read again.
 */
export function useExportFlow({ host, selectedIds, current, libraryEmpty, say, report }: Options): {
  /**
   * The dialog; with a preset, that format or scope chosen (the library's context menu:
   * the articles it was opened on).
   */
  open(preset?: ExportPreset): void
  /** The dialog with PDF chosen (desktop). */
  openPdf(): void
  openRestore(): void
  shortcut: Shortcut
  elements: ReactNode
} {
  const [dialog, setDialog] = useState<'export' | 'restore'>()
  const [preset, setPreset] = useState<ExportPreset>({})
  const [job, setJob] = useState<{ id: string; progress?: ExportProgress }>()
  const cancelled = useRef(new Set<string>())
  const running = job !== undefined
  const desktop = host?.host === 'electron'

  const start = useCallback(
    async (request: ExportInput, pdf: boolean) => {
      if (running) return say('An export is already running.', 'error')
      const jobId = crypto.randomUUID()
      setJob({ id: jobId })
      const timer = window.setInterval(() => {
        window.api.getExportProgress({ jobId }).then((result) => {
          if (result.ok && result.value)
            setJob((j) => (j?.id === jobId ? { id: jobId, progress: result.value! } : j))
        }, report)
      }, PROGRESS_MS)
      try {
        if (desktop) {
          const saved = await unwrap(
            pdf
              ? window.api.exportPdf({ ...request, jobId })
              : window.api.exportToFile({ ...request, jobId })
          )
          if (saved) say(`Exported to ${saved.paths.join(', ')}.`)
        } else {
          const { files, counts } = await unwrap(window.api.exportLibrary({ ...request, jobId }))
          for (const file of files) downloadFile(file)
          say(`Exported ${describeCounts(counts)}: ${files.map((f) => f.fileName).join(', ')}.`)
        }
      } catch (error) {
        if (cancelled.current.has(jobId)) say('Export cancelled; nothing was saved.')
        else report(error)
      } finally {
        window.clearInterval(timer)
        cancelled.current.delete(jobId)
        setJob(undefined)
      }
    },
    [desktop, running, say, report]
  )

  const cancel = useCallback(() => {
    if (!job) return
    cancelled.current.add(job.id)
    window.api.cancelExport({ jobId: job.id }).catch(report)
  }, [job, report])

  const shortcut = useMemo(
    (): Shortcut => ({
      keys: [MENU_CHORDS.export],
      description: 'Export, or restore from a backup',
      group: 'Workbench',
      menu: true,
      inFields: true,
      run: () => {
        setPreset({})
        setDialog('export')
      }
    }),
    []
  )

  const elements = (
    <>
      {dialog === 'export' && (
        <ExportDialog
          selectedIds={preset.articleIds ?? selectedIds}
          current={current}
          pdf={desktop}
          initialFormat={preset.format}
          initialScope={preset.scope}
          onExport={(request, pdf) => void start(request, pdf)}
          onRestore={() => setDialog('restore')}
          onClose={() => setDialog((d) => (d === 'export' ? undefined : d))}
          onError={report}
        />
      )}
      {dialog === 'restore' && (
        <RestoreDialog
          libraryEmpty={libraryEmpty}
          onClose={(restored) => {
            setDialog(undefined)
            if (restored) window.location.reload()
          }}
        />
      )}
      {job && <ExportProgressBar progress={job.progress} onCancel={cancel} />}
    </>
  )
  const open = useCallback((next: ExportPreset = {}) => {
    setPreset(next)
    setDialog('export')
  }, [])
  return {
    open,
    openPdf: useCallback(() => open({ format: 'pdf' }), [open]),
    openRestore: useCallback(() => setDialog('restore'), []),
    shortcut,
    elements
  }
}
