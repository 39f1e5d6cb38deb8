import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * How long a loop may hold the event loop before letting others run: well under a 16 ms
 * frame, so a save, an IPC call or a keystroke waits at most about this long for the index.
 */
export const SLICE_MS = 4

/** Cooperative time slicing for long loops: `await slicer.pause()` between steps. */
export class TimeSlicer {
  #sliceStart = performance.now()

  /** Yields to the event loop once the current slice has run for `SLICE_MS`. */
  async pause(): Promise<void> {
    if (performance.now() - this.#sliceStart < SLICE_MS) return
    await nextTurn()
    this.#sliceStart = performance.now()
  }
}
