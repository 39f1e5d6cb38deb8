import type { SaveState } from '../notes/Autosave'
import { Autosave } from '../notes/Autosave'
import { trackNote, untrackNote } from '../notes/openNotes'
import { ApiFailure } from '../transport/unwrap'

/** A record whose save failed at least once and is not on disk yet. */
export interface UnsavedRecord {
  /** `failed` while waiting to retry, `saving` while a retry is on its way. */
  state: Exclude<SaveState, 'saved'>
  /** Why the last attempt failed, in the host's words. */
  problem: string
}

export interface RecordSavesOptions<T> {
  /** Stores the latest wanted state of record `id`; resolves once it is on disk. */
  save(id: string, value: T): Promise<void>
  /**
   * A save failed in a way no retry can mend (refused, not found, invalid): the change is
   * dropped, and the caller puts back what is stored and says why.
   */
  onGiveUp(id: string, error: unknown): void
  /**
   * The first failure of a record, to say why once (the record then shows "Not saved"):
   * the store's reason, and that the change is kept and retried.
   */
  onFirstFailure(error: unknown): void
  /** The records not saved yet changed. */
  onUnsaved(unsaved: ReadonlyMap<string, UnsavedRecord>): void
  /** Wait before the `attempt`th retry (the notes' doubling waits by default). */
  backoff?(attempt: number): number
}

/** The store's reason, saying that the change is kept and tried again (not dropped). */
function retrying(error: unknown): string {
  const reason = (error as Error).message.replace(/[;.]? the change was not made\.$/, '')
  return `Not saved yet: ${reason}. Dossier keeps the change and tries again.`
}

/** What a retry can mend: the store could not write (disk full, I/O error, folder gone). */
export function canRetry(error: unknown): boolean {
  return error instanceof ApiFailure && error.error.code === 'io'
}

/**
 * Saves of records changed one action at a time (a highlight, a claim's fields), with the
 * notes' `Autosave` under each: the change is shown at once and saved at once; a save that
 * fails is kept in memory and retried with growing waits, always with the latest state of
 * the record, until it is on disk. Pending saves are flushed with the notes when the app
 * quits or the page goes away.
 */
export class RecordSaves<T> {
  readonly #options: RecordSavesOptions<T>
  readonly #saves = new Map<string, Autosave<T>>()
  readonly #unsaved = new Map<string, UnsavedRecord>()

  constructor(options: RecordSavesOptions<T>) {
    this.#options = options
  }

  /** Record `id` changed; `read` gives its wanted state when the save starts. */
  change(id: string, read: () => T): void {
    let autosave = this.#saves.get(id)
    if (!autosave) {
      const created: Autosave<T> = new Autosave<T>({
        delay: 0,
        backoff: this.#options.backoff,
        save: (value) => this.#attempt(id, value),
        onState: (state) => this.#stateOf(id, created, state)
      })
      autosave = created
      this.#saves.set(id, autosave)
      trackNote(autosave as Autosave<unknown>)
    }
    autosave.changed(read)
  }

  /** Whether record `id` has a change not known to be on disk. */
  pending(id: string): boolean {
    return this.#saves.get(id)?.dirty ?? false
  }

  async #attempt(id: string, value: T): Promise<void> {
    try {
      await this.#options.save(id, value)
    } catch (error) {
      if (!canRetry(error)) {
        // Counted as done: a retry would fail the same way.
        this.#forget(id)
        this.#options.onGiveUp(id, error)
        return
      }
      if (!this.#unsaved.has(id)) this.#options.onFirstFailure(new Error(retrying(error)))
      this.#unsaved.set(id, { state: 'failed', problem: (error as Error).message })
      this.#options.onUnsaved(new Map(this.#unsaved))
      throw error
    }
  }

  #stateOf(id: string, autosave: Autosave<T>, state: SaveState): void {
    if (this.#saves.get(id) !== autosave) return
    if (state === 'saved') {
      this.#forget(id)
      return
    }
    const unsaved = this.#unsaved.get(id)
    // Only a record that failed is shown as such; a first save is too quick to mention.
    if (!unsaved || unsaved.state === state) return
    this.#unsaved.set(id, { ...unsaved, state })
    this.#options.onUnsaved(new Map(this.#unsaved))
  }

  #forget(id: string): void {
    const autosave = this.#saves.get(id)
    if (autosave) {
      autosave.close()
      untrackNote(autosave as Autosave<unknown>)
    }
    this.#saves.delete(id)
    if (this.#unsaved.delete(id)) this.#options.onUnsaved(new Map(this.#unsaved))
  }
}
