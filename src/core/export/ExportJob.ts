import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { ExportProgress } from '../../shared/exporting'
import { DossierError } from '../../shared/result'

/** Steps between two yields to the event loop: a few milliseconds of work. */
const STEPS_PER_YIELD = 16

/**
 * One export under way: how far it has got, and whether it was cancelled. Exports step
 * through it article by article; every few steps it yields, so the host keeps answering
 * (the desktop's main process, the web host's other requests) while a big export runs.
 */
export class ExportJob {
  readonly #controller = new AbortController()
  #done = 0
  #total = 0

  /** How many steps the export will take (articles, and notebooks). */
  start(total: number): void {
    this.#total = total
    this.#done = 0
  }

  /** One step done. Rejects, ending the export, once it has been cancelled. */
  async step(): Promise<void> {
    this.#done++
    if (this.#done % STEPS_PER_YIELD === 0) await yieldToEventLoop()
    this.throwIfCancelled()
  }

  throwIfCancelled(): void {
    if (this.#controller.signal.aborted)
      throw new DossierError('refused', 'The export was cancelled; nothing was written.')
  }

  cancel(): void {
    this.#controller.abort()
  }

  get progress(): ExportProgress {
    return { done: Math.min(this.#done, this.#total), total: this.#total }
  }
}
