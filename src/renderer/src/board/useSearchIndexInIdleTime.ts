import { useEffect } from 'react'
import type { BoardIndex } from './indexBoardRows'
import { searchTextOf } from './indexBoardRows'
import { inIdleSlices } from './idleSlices'

/** Claims indexed between two looks at the idle time left: well under a millisecond. */
const CHUNK = 100
/** Without requestIdleCallback (Safari), a slice of this long runs on a timer. */
const SLICE_MS = 8

/**
 * Builds the text filter's search keys and signatures while the analyst looks at the
 * board, so showing it does not wait for 50,000 of them and keystrokes find them done.
 * Each slice stops when the browser's idle period ends, so a click or a key that arrives
 * meanwhile is not kept waiting.
 * Marks `dossier:claim-board-indexed` when every claim is in, for benchmarks.
 */
export function useSearchIndexInIdleTime(index: BoardIndex): void {
  useEffect(() => {
    const { entries, signatures } = index
    let next = 0
    return inIdleSlices((deadline) => {
      do {
        const end = Math.min(next + CHUNK, entries.length)
        for (; next < end; next++) signatures.add(next, searchTextOf(entries[next]!))
      } while (next < entries.length && deadline.timeRemaining() > 1)
      if (next < entries.length) return false
      performance.mark('dossier:claim-board-indexed', { detail: { claims: entries.length } })
      return true
    }, SLICE_MS)
  }, [index])
}
