import { useCallback, useRef, useState } from 'react'
import type { ImportOutcome } from '../../../shared/importing'
import { unwrap } from '../transport/unwrap'
import { planBatches } from './planBatches'
import { toPayloads } from './readDroppedFiles'

export interface ImportProgress {
  done: number
  total: number
}

/** One reviewed file: its outcome and, when the renderer read it, the file to retry with. */
export interface ReviewedFile {
  outcome: ImportOutcome
  file?: File
}

/**
 * Imports files the renderer read, in batches, so a thousand files show progress, the
 * page stays responsive and Cancel stops between batches, keeping what was imported.
 */
export function useImport(onBatchStored: (outcomes: ImportOutcome[]) => void) {
  const [progress, setProgress] = useState<ImportProgress>()
  // One import at a time, each with its own Cancel: a second drop must not un-cancel the first.
  const current = useRef<{ cancelled: boolean } | undefined>(undefined)

  const run = useCallback(
    async (files: File[]): Promise<{ reviewed: ReviewedFile[]; cancelled: boolean }> => {
      if (current.current)
        throw new Error('An import is already running; wait for it or cancel it first.')
      const run = { cancelled: false }
      current.current = run
      const reviewed: ReviewedFile[] = []
      setProgress({ done: 0, total: files.length })
      try {
        for (const batch of planBatches(files)) {
          if (run.cancelled) break
          const outcomes = await unwrap(window.api.importFiles({ files: await toPayloads(batch) }))
          outcomes.forEach((outcome, i) => reviewed.push({ outcome, file: batch[i] }))
          setProgress({ done: reviewed.length, total: files.length })
          onBatchStored(outcomes)
        }
      } finally {
        current.current = undefined
        setProgress(undefined)
      }
      return { reviewed, cancelled: run.cancelled }
    },
    [onBatchStored]
  )

  const cancel = useCallback(() => {
    if (current.current) current.current.cancelled = true
  }, [])

  return { run, cancel, progress }
}
