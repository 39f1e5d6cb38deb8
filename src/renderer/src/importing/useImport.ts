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
        const batches = planBatches(files)
        // Each batch is read while the one before it is stored, so the host never waits
        // for the page between two batches. A read made for nothing (after a Cancel or a
        // failure) is dropped; its failure is seen where it is awaited.
        const read = (i: number) => {
          const payloads = i < batches.length ? toPayloads(batches[i]!) : undefined
          payloads?.catch(() => undefined)
          return payloads
        }
        let next = read(0)
        for (const [i, batch] of batches.entries()) {
          if (run.cancelled) break
          const payloads = await next!
          next = read(i + 1)
          const outcomes = await unwrap(window.api.importFiles({ files: payloads }))
          outcomes.forEach((outcome, at) => reviewed.push({ outcome, file: batch[at] }))
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
