import type { ExportProgress } from '../../shared/exporting'
import { ExportJob } from './ExportJob'

/** The exports a host is running, by the id the caller gave, for progress and Cancel. */
export class ExportJobs {
  readonly #running = new Map<string, ExportJob>()

  /** Runs `work` as the job `id` (an anonymous one without an id). */
  async run<T>(id: string | undefined, work: (job: ExportJob) => Promise<T>): Promise<T> {
    const job = new ExportJob()
    if (id) this.#running.set(id, job)
    try {
      return await work(job)
    } finally {
      if (id && this.#running.get(id) === job) this.#running.delete(id)
    }
  }

  /** How far the job has got; null once it is over (or was never started). */
  progress(id: string): ExportProgress | null {
    return this.#running.get(id)?.progress ?? null
  }

  /** Cancels the job; false when there is none to cancel. */
  cancel(id: string): boolean {
    const job = this.#running.get(id)
    job?.cancel()
    return job !== undefined
  }
}
