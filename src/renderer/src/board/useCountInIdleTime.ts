import { useEffect, useReducer } from 'react'
import { inIdleSlices } from './idleSlices'
import type { LazyOrder } from './LazyOrder'

/** The longest slice of counting: a key pressed meanwhile waits no longer than this. */
const SLICE_MS = 4

/**
 * Finds the rest of a lazy order's claims in idle time, a few milliseconds at a time, and
 * renders again once they are all found, so the count and the list's height are exact.
 * `shownComplete` is whether the render that showed `order` had it complete: an order
 * read to its end while drawing its rows renders again too.
 */
export function useCountInIdleTime(order: LazyOrder, shownComplete: boolean): void {
  const [, counted] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (order.complete) {
      if (!shownComplete) counted()
      return
    }
    return inIdleSlices((deadline) => {
      const start = performance.now()
      const left = (): number =>
        Math.min(deadline.timeRemaining() - 1, SLICE_MS - (performance.now() - start))
      if (!order.work(left)) return false
      counted()
      return true
    }, SLICE_MS)
  }, [order, shownComplete])
}
