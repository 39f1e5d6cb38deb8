import { useCallback, useRef, useState } from 'react'
import type { ArticleMeta } from '../../../shared/article'
import type { ImportOutcome } from '../../../shared/importing'
import { unwrap } from '../transport/unwrap'
import type { ReviewedFile } from './useImport'
import { useImport } from './useImport'

export interface ImportReviewState {
  files: ReviewedFile[]
  cancelled: boolean
}

interface Options {
  /** Whether the host shows its own open dialog (the desktop app). */
  nativeDialogs: boolean
  onImported(articles: ArticleMeta[]): void
  onFinished(): Promise<void>
  onError(error: unknown): void
}

/**
 * Every way into the library — the desktop dialog, the browser's file picker, a drop,
 * pasted text — ending in the import review.
 */
export function useImportFlow({ nativeDialogs, onImported, onFinished, onError }: Options) {
  const [review, setReview] = useState<ImportReviewState>()
  const [busy, setBusy] = useState<string>()
  const filePicker = useRef<HTMLInputElement>(null)
  const importer = useImport(
    useCallback(
      (outcomes: ImportOutcome[]) =>
        onImported(outcomes.flatMap((o) => (o.status === 'imported' ? [o.article] : []))),
      [onImported]
    )
  )

  /** Files the page read itself: picked or dropped. */
  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return
      try {
        const result = await importer.run(files)
        if (result.reviewed.length > 0)
          setReview({ files: result.reviewed, cancelled: result.cancelled })
      } catch (error) {
        onError(error)
      }
      await onFinished()
    },
    [importer, onFinished, onError]
  )

  /** Import…: the desktop's own dialog, or the browser's file picker. */
  const startImport = useCallback(async () => {
    if (!nativeDialogs) return filePicker.current?.click()
    try {
      setBusy('Importing…')
      const outcomes = await unwrap(window.api.importFromDialog({}))
      if (outcomes.length > 0)
        setReview({ files: outcomes.map((outcome) => ({ outcome })), cancelled: false })
    } catch (error) {
      onError(error)
    } finally {
      setBusy(undefined)
    }
    await onFinished()
  }, [nativeDialogs, onFinished, onError])

  const importPasted = useCallback(
    async (text: string, title: string) => {
      try {
        const outcome = await unwrap(window.api.importText({ text, ...(title ? { title } : {}) }))
        setReview({ files: [{ outcome }], cancelled: false })
      } catch (error) {
        onError(error)
      }
      await onFinished()
    },
    [onFinished, onError]
  )

  return {
    review,
    setReview,
    busy,
    progress: importer.progress,
    cancel: importer.cancel,
    filePicker,
    importFiles,
    startImport,
    importPasted
  }
}
