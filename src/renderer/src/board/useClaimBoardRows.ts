import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClaimBoardRow } from '../../../shared/claim'
import type { UndoStack } from '../annotations/UndoStack'
import { claimBoardRows } from '../../../shared/claimBoardRows'
import { unwrap } from '../transport/unwrap'
import { sameBoardRows } from './sameBoardRows'

interface Options {
  /** Whether the board is on screen. */
  shown: boolean
  /** Every claim, link and source action of any view is pushed, undone or redone here. */
  undoStack: UndoStack
  /** Goes up when the library changed: articles imported, renamed or trashed. */
  libraryVersion: number
  onError(error: unknown): void
}

/**
 * Every claim of the library for the board. Fetched in the background once the app is
 * idle, so the board shows at once when opened; fetched again when something changed (an
 * action on the undo stack, a new list of articles): at once while the board is shown,
 * else when it is next shown. An answer that shows the same board keeps the rows already
 * indexed and sorted. `undefined` until the first answer (an empty board if it fails).
 * Each call is marked `dossier:claim-board-fetching` and each answer
 * `dossier:claim-board-fetched`, for tests and benchmarks.
 */
export function useClaimBoardRows({ shown, undoStack, libraryVersion, onError }: Options) {
  const [rows, setRows] = useState<ClaimBoardRow[]>()
  /** The latest call: an older answer arriving after it is dropped. */
  const latest = useRef(0)
  const stale = useRef(true)
  const onScreen = useRef(shown)

  const fetchRows = useCallback(() => {
    stale.current = false
    const call = ++latest.current
    performance.mark('dossier:claim-board-fetching')
    unwrap(window.api.listClaimBoard({})).then(
      (board) => {
        performance.mark('dossier:claim-board-fetched', {
          detail: { rows: board.claims.id.length }
        })
        if (call !== latest.current) return
        const fetched = claimBoardRows(board)
        setRows((before) => (before && sameBoardRows(before, fetched) ? before : fetched))
      },
      (error: unknown) => {
        if (call !== latest.current) return
        onError(error)
        setRows((before) => before ?? [])
      }
    )
  }, [onError])

  useEffect(() => {
    // Safari has no requestIdleCallback; a timer does there.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200))
    const cancel = window.cancelIdleCallback ?? window.clearTimeout
    const handle = idle(() => latest.current === 0 && fetchRows(), { timeout: 10_000 })
    return () => cancel(handle)
  }, [fetchRows])

  // One change may arrive twice (the undo stack, then the article list it refreshes): the
  // changes of one task make one fetch.
  const pending = useRef(0)
  const changed = useCallback(() => {
    stale.current = true
    if (!onScreen.current || pending.current) return
    pending.current = window.setTimeout(() => {
      pending.current = 0
      fetchRows()
    })
  }, [fetchRows])
  useEffect(() => undoStack.onChange(changed), [undoStack, changed])
  useEffect(() => changed(), [libraryVersion, changed])
  useEffect(() => () => window.clearTimeout(pending.current), [])

  useEffect(() => {
    onScreen.current = shown
    if (shown && stale.current) fetchRows()
  }, [shown, fetchRows])

  return rows
}
