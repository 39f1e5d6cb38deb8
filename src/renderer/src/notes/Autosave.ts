/** What the analyst is told about a note: every change on disk, one on its way, or a failure. */
export type SaveState = 'saved' | 'saving' | 'failed'

export interface AutosaveOptions<T> {
  /**
   * Stores `value`; resolves once it is on disk. `leaving` is set when the page is going
   * away (reload, tab closed), so the call must outlive it.
   */
  save(value: T, leaving: boolean): Promise<void>
  onState(state: SaveState): void
  /** Quiet time after the last change before it is saved. */
  delay?: number
  /** Wait before the `attempt`th retry of a failed save (1, 2, …). */
  backoff?(attempt: number): number
}

const DELAY_MS = 500
const MAX_BACKOFF_MS = 30_000

function doubling(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), MAX_BACKOFF_MS)
}

/**
 * Saves a document while it is being written, never losing a change: a change is saved
 * after `delay` of quiet, one save at a time (so they land in order), and a failed save is
 * retried with growing waits, always with the latest content, until one succeeds. The
 * content is read only when a save starts, so a keystroke costs no serialisation.
 *
 * Every change gets a version; the state is "saved" only when the last version is on disk.
 */
export class Autosave<T> {
  readonly #options: AutosaveOptions<T>
  #read: (() => T) | undefined
  #version = 0
  #savedVersion = 0
  /** The last version sent as the page went away, so pagehide after beforeunload adds none. */
  #leftVersion = 0
  #failures = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #inFlight: Promise<void> | undefined
  #state: SaveState = 'saved'
  #closed = false

  constructor(options: AutosaveOptions<T>) {
    this.#options = options
  }

  get state(): SaveState {
    return this.#state
  }

  /** Whether some change is not yet known to be on disk. */
  get dirty(): boolean {
    return this.#version > this.#savedVersion
  }

  /** The document changed; `read` gives its content when the save starts. */
  changed(read: () => T): void {
    this.#read = read
    this.#version++
    this.#setState(this.#failures > 0 ? 'failed' : 'saving')
    // While failing, the backoff decides when to try again, not the typing.
    if (this.#failures === 0) this.#schedule(this.#options.delay ?? DELAY_MS)
  }

  /**
   * Saves what is pending now and resolves when every change is on disk, or when a save
   * failed (the change stays pending and is retried): `true` when all is saved.
   */
  async flush(): Promise<boolean> {
    this.#clearTimer()
    while (this.dirty) {
      const version = this.#version
      await (this.#inFlight ?? this.#saveNow())
      if (this.#savedVersion < version && this.#failures > 0) return false
    }
    return true
  }

  /**
   * The page is going away: sends the latest content at once, in a call that outlives the
   * page, even while another save is in flight (saving the whole document twice is harmless).
   */
  leave(): void {
    if (!this.dirty || !this.#read || this.#leftVersion === this.#version) return
    const version = (this.#leftVersion = this.#version)
    this.#clearTimer()
    // The page may stay after all (a cancelled unload): then this counts as any save.
    this.#options.save(this.#read(), true).then(
      () => {
        this.#savedVersion = Math.max(this.#savedVersion, version)
        this.#failures = 0
        if (!this.#inFlight) this.#afterSave()
      },
      () => {
        if (!this.#inFlight) this.#schedule(this.#options.delay ?? DELAY_MS)
      }
    )
  }

  /** Stops the timers; what is pending is the caller's to flush first. */
  close(): void {
    this.#closed = true
    this.#clearTimer()
  }

  #schedule(ms: number): void {
    this.#clearTimer()
    if (this.#closed) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (!this.#inFlight) void this.#saveNow()
    }, ms)
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #saveNow(): Promise<void> {
    const read = this.#read
    if (!read || !this.dirty) return Promise.resolve()
    const version = this.#version
    this.#setState(this.#failures > 0 ? 'failed' : 'saving')
    const saving = (async () => {
      try {
        await this.#options.save(read(), false)
        this.#savedVersion = Math.max(this.#savedVersion, version)
        this.#failures = 0
      } catch {
        this.#failures++
      } finally {
        this.#inFlight = undefined
      }
      this.#afterSave()
    })()
    this.#inFlight = saving
    return saving
  }

  #afterSave(): void {
    if (this.#failures > 0) {
      this.#setState('failed')
      this.#schedule((this.#options.backoff ?? doubling)(this.#failures))
    } else if (this.dirty) {
      // Typed while the save was on its way: that is saved after its own quiet time.
      this.#setState('saving')
      if (this.#timer === undefined) this.#schedule(this.#options.delay ?? DELAY_MS)
    } else this.#setState('saved')
  }

  #setState(state: SaveState): void {
    if (state === this.#state) return
    this.#state = state
    this.#options.onState(state)
  }
}
