/**
 * Holds items until a receiver is ready, then hands them over in order: everything that
 * waited as one batch, and later items as they come. One delivery runs at a time; items
 * that arrive meanwhile form the next batch, so a burst (macOS sends one `open-file` per
 * file of a multi-file open) becomes a single delivery instead of one per item.
 */
export class DeliveryQueue<T> {
  #pending: T[] = []
  #receiver: ((batch: T[]) => Promise<void> | void) | undefined
  #delivering: Promise<void> | undefined
  readonly #onError: (error: unknown) => void

  /** `onError` hears a receiver's failure; the batch is dropped and later ones still go. */
  constructor(onError: (error: unknown) => void) {
    this.#onError = onError
  }

  push(...items: T[]): void {
    if (items.length === 0) return
    this.#pending.push(...items)
    this.#deliver()
  }

  /** Starts (or redirects) delivery; what is already waiting goes at once. */
  deliverTo(receiver: (batch: T[]) => Promise<void> | void): void {
    this.#receiver = receiver
    this.#deliver()
  }

  #deliver(): void {
    if (this.#delivering || !this.#receiver || this.#pending.length === 0) return
    this.#delivering = this.#drain().finally(() => (this.#delivering = undefined))
  }

  async #drain(): Promise<void> {
    // Let the items of the same burst (the same turn of the event loop) join this batch.
    await new Promise((resolve) => setImmediate(resolve))
    while (this.#pending.length > 0 && this.#receiver) {
      const batch = this.#pending.splice(0)
      try {
        await this.#receiver(batch)
      } catch (error) {
        this.#onError(error)
      }
    }
  }
}
