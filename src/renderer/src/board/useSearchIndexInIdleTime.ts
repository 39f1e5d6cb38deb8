import { useEffect } from 'react'
import type { BoardIndex } from './indexBoardRows'
import { searchTextOf } from './indexBoardRows'

/** Claims indexed between two looks at the idle time left: well under a millisecond. */
const CHUNK = 100
/** Without requestIdleCallback (Safari), a slice of this long runs on a timer. */
const SLICE_MS = 8

/**
 * Builds the text filter's search keys and signatures while the analyst looks at the
 * board, so showing it does not wait for 50,000 of them and keystrokes find them done.
 * Each slice stops when the browser's idle period ends, so a click or a key that arrives
 * meanwhile is not kept waiting. Safari has no requestIdleCallback; a timer does there.
 * Marks `dossier:claim-board-indexed` when every claim is in, for benchmarks.
 */
export function useSearchIndexInIdleTime(index: BoardIndex): void {
  useEffect(() => {
    const timed = (run: (deadline: IdleDeadline) => void): number =>
      window.setTimeout(() => {
        const start = performance.now()
        run({ didTimeout: false, timeRemaining: () => SLICE_MS - (performance.now() - start) })
      })
    const idle = window.requestIdleCallback ?? timed
    const cancel = window.cancelIdleCallback ?? window.clearTimeout
    const { entries, signatures } = index
    let next = 0
    let handle = 0
    const step = (deadline: IdleDeadline): void => {
      do {
        const end = Math.min(next + CHUNK, entries.length)
        for (; next < end; next++) signatures.add(next, searchTextOf(entries[next]!))
      } while (next < entries.length && deadline.timeRemaining() > 1)
      if (next < entries.length) handle = idle(step)
      else performance.mark('dossier:claim-board-indexed', { detail: { claims: entries.length } })
    }
    handle = idle(step)
    return () => cancel(handle)
  }, [index])
}
