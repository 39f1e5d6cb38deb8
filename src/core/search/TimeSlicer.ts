import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * How long a loop may hold the event loop before letting others run: well under a 16 ms
 * frame, so a save, an IPC call or a keystroke waits at most about this long for the index.
 */
export const SLICE_MS = 4

/**
 * Cooperative time slicing for long loops: `await slicer.pause()` between steps. A slice
 * starts at the first pause of a turn of the event loop and ends when the turn does (or at
 * a yield), so work that began in a turn of its own (one article saved) runs to its end in
 * that turn when it takes less than a slice, while many changes queued in one turn still
 * yield every 4 ms between them. Idle time between turns never counts.
 */
export class TimeSlicer {
  #sliceStart: number | undefined
  /** Tells the callback of a finished slice that a later one has begun. */
  #slice = 0

  /** Yields to the event loop once the current slice has run for `SLICE_MS`. */
  async pause(): Promise<void> {
    const now = performance.now()
    if (this.#sliceStart === undefined) {
      this.#begin(now)
      return
    }
    if (now - this.#sliceStart < SLICE_MS) return
    this.#sliceStart = undefined
    await nextTurn()
    if (this.#sliceStart === undefined) this.#begin(performance.now())
  }

  #begin(now: number): void {
    this.#sliceStart = now
    const slice = ++this.#slice
    // Runs once this turn's microtasks are done: the next pause starts a new slice.
    setImmediate(() => {
      if (this.#slice === slice) this.#sliceStart = undefined
    })
  }
}
