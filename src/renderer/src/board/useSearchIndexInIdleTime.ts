import { useEffect } from 'react'
import type { BoardIndex } from './indexBoardRows'
import { searchTextOf } from './indexBoardRows'

/** Claims indexed per idle slice: a few milliseconds of work. */
const CHUNK = 1000

/**
 * Builds the text filter's search keys and signatures while the analyst looks at the
 * board, so showing it does not wait for 50,000 of them and keystrokes find them done.
 * Safari has no requestIdleCallback; a timer does there.
 */
export function useSearchIndexInIdleTime(index: BoardIndex): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1))
    const cancel = window.cancelIdleCallback ?? window.clearTimeout
    const { entries, signatures } = index
    let next = 0
    let handle = 0
    const step = (): void => {
      const end = Math.min(next + CHUNK, entries.length)
      for (; next < end; next++) signatures.add(next, searchTextOf(entries[next]!))
      if (next < entries.length) handle = idle(step)
    }
    handle = idle(step)
    return () => cancel(handle)
  }, [index])
}
