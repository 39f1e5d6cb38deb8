/**
 * A write of derived data (counts, the claims index) that may wait a moment, so a burst of
 * edits costs one write. It runs through the library's queue of mutating operations, and
 * never after `stop`: closing writes such data itself.
 */
export class DeferredWrite {
  readonly #delayMs: number
  readonly #write: () => Promise<void>
  readonly #onError: (error: unknown) => void
  #timer: NodeJS.Timeout | undefined
  #stopped = false

  constructor(delayMs: number, write: () => Promise<void>, onError: (error: unknown) => void) {
    this.#delayMs = delayMs
    this.#write = write
    this.#onError = onError
  }

  /** Asks for a write `delayMs` from now; a later request replaces an earlier one. */
  schedule(): void {
    clearTimeout(this.#timer)
    if (this.#stopped) return
    this.#timer = setTimeout(() => {
      if (!this.#stopped) this.#write().catch(this.#onError)
    }, this.#delayMs)
  }

  /** Cancels what is scheduled; the caller writes the data itself if it must. */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
  }
}
