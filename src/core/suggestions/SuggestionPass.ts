import { setImmediate as nextTurn } from 'node:timers/promises'
import { DossierError } from '../../shared/result'
import type { SuggestionPassProgress } from '../../shared/suggestion'
import type { Library } from '../store/Library'
import type { SuggestionCache } from './SuggestionCache'

/** How long the analyst's changes must stop before the pass goes on. */
export const QUIET_AFTER_EDIT_MS = 1_500

interface PassOptions {
  library: Library
  cache: SuggestionCache
  /** Reads the article and keeps its suggestions in `cache` (on the finder's worker). */
  read(articleId: string): Promise<unknown>
  quietAfterEditMs?: number
}

/**
 * The attribution finder over the whole library, in the background: one article at a time
 * on the finder's worker thread, so the host's thread only reads files and passes messages
 * and a save never queues behind it (the pass takes no part in the library's write queue).
 * Resumable: what it found is kept in the cache file, so a restart goes on where it stopped.
 * Every change the analyst makes pauses it until they have stopped for a moment; articles
 * imported meanwhile join it, and articles deleted meanwhile are skipped.
 */
export class SuggestionPass {
  readonly #library: Library
  readonly #cache: SuggestionCache
  readonly #read: (articleId: string) => Promise<unknown>
  readonly #quietMs: number
  #state: SuggestionPassProgress['state'] = 'idle'
  #failed = 0
  #lastEdit = 0
  /** Something changed during the pass: the articles are listed again at its end. */
  #again = false
  #running: Promise<void> | undefined
  #stopping = false
  #wake: (() => void) | undefined

  constructor(options: PassOptions) {
    this.#library = options.library
    this.#cache = options.cache
    this.#read = options.read
    this.#quietMs = options.quietAfterEditMs ?? QUIET_AFTER_EDIT_MS
  }

  /**
   * Where the pass stands: how many of the articles outside the Trash the cache holds,
   * whoever read them (the pass, or **Suggest claims** on an open article).
   */
  async progress(): Promise<SuggestionPassProgress> {
    const ids = this.#liveIds()
    const done = await this.#cache.countOf(ids)
    // Articles imported since it finished: not done any more, until it is started again.
    if (this.#state === 'done' && done < ids.length) this.#state = 'stopped'
    return { state: this.#state, done, total: ids.length, failed: this.#failed }
  }

  /** Starts the pass, or lets the running one go on; resolves to its progress. */
  start(): Promise<SuggestionPassProgress> {
    this.#stopping = false
    if (!this.#running) {
      this.#state = 'running'
      this.#failed = 0
      this.#running = this.#run().finally(() => (this.#running = undefined))
    }
    return this.progress()
  }

  /**
   * Stops after the article being read; what was found is kept. A pass that read its last
   * article meanwhile (or before) stays `done`: nothing is left to resume.
   */
  async stop(): Promise<SuggestionPassProgress> {
    if (this.#running) {
      this.#stopping = true
      this.#wake?.()
      await this.#running
      if (this.#state !== 'done') this.#state = 'stopped'
    }
    return this.progress()
  }

  /** The analyst changed something: step aside until they stop. */
  noteEdit(): void {
    this.#lastEdit = performance.now()
    this.#again = true
    if (this.#running && !this.#stopping) this.#state = 'paused'
  }

  async #run(): Promise<void> {
    do {
      this.#again = false
      for (const id of this.#liveIds()) {
        if (await this.#cache.has(id)) continue
        await this.#afterEdits()
        if (this.#stopping) return
        try {
          await this.#read(id)
        } catch (error) {
          // Deleted (emptied from the Trash) meanwhile: no longer the pass's business.
          if (!(error instanceof DossierError && error.code === 'not_found')) this.#failed++
        }
        // A turn of the event loop between articles, whatever the reads' timing.
        await nextTurn()
      }
    } while (this.#again && !this.#stopping)
    this.#state = 'done'
  }

  /** Waits while the last change is recent; `paused` meanwhile. */
  async #afterEdits(): Promise<void> {
    for (;;) {
      const wait = this.#lastEdit + this.#quietMs - performance.now()
      if (this.#stopping || this.#lastEdit === 0 || wait <= 0) break
      this.#state = 'paused'
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait)
        this.#wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#wake = undefined
    }
    if (!this.#stopping) this.#state = 'running'
  }

  #liveIds(): string[] {
    return this.#library.listArticles().map((article) => article.id)
  }
}
