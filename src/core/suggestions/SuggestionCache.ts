import { join } from 'node:path'
import type { Suggestion } from '../../shared/suggestion'
import {
  articleLine,
  decodeArticleLine,
  encodeArticleLine,
  readSuggestionCacheFile,
  SUGGESTION_CACHE_FILE,
  writeSuggestionCacheFile
} from './suggestionCacheFile'

/** Quiet time after the last new article before the cache is written. */
const PERSIST_AFTER_MS = 5_000
/** While the pass keeps adding articles, the cache is still written this often. */
const PERSIST_AT_LATEST_MS = 30_000

/**
 * What the finder suggested in each article it read, kept in the library folder
 * (`suggestions-cache.ndjson`) so that nothing is read twice, across restarts too. An
 * article's id is its text's hash, so an entry never goes stale; entries of articles that
 * left the library are dropped when the file is written. No call waits for a write.
 */
export class SuggestionCache {
  /** What went wrong that the analyst may want to know (a damaged file, a failed write). */
  readonly notices: string[] = []
  readonly #file: string
  /** Each article's encoded line: 10,000 articles hold a few megabytes, not the objects. */
  #lines = new Map<string, Buffer>()
  readonly #loaded: Promise<void>
  #changed = false
  #timer: NodeJS.Timeout | undefined
  #firstUnsaved: number | undefined
  #writing: Promise<void> = Promise.resolve()
  #closed = false
  readonly #live: () => ReadonlySet<string>

  /** `live` names the articles still in the library (the Trash's too): what the file keeps. */
  constructor(dataDir: string, live: () => ReadonlySet<string>) {
    this.#file = join(dataDir, SUGGESTION_CACHE_FILE)
    this.#live = live
    this.#loaded = this.#load()
  }

  /** Resolves once the file is read (or found unusable). */
  loaded(): Promise<void> {
    return this.#loaded
  }

  async has(articleId: string): Promise<boolean> {
    await this.#loaded
    return this.#lines.has(articleId)
  }

  /** The article's suggestions, if they are kept and still fit its text. */
  async get(articleId: string, text: string): Promise<Suggestion[] | undefined> {
    await this.#loaded
    const line = this.#lines.get(articleId)
    if (!line) return undefined
    const suggestions = decodeArticleLine(line, text)
    if (!suggestions) this.#lines.delete(articleId)
    return suggestions
  }

  async put(articleId: string, suggestions: readonly Suggestion[]): Promise<void> {
    await this.#loaded
    this.#keep(articleId, encodeArticleLine(articleId, suggestions))
  }

  /** Keeps suggestions already encoded (`encodeSuggestionRows`), as the library pass has them. */
  async putRows(articleId: string, rows: string): Promise<void> {
    await this.#loaded
    this.#keep(articleId, articleLine(articleId, rows))
  }

  #keep(articleId: string, line: Buffer): void {
    this.#lines.set(articleId, line)
    this.#changed = true
    this.#schedule()
  }

  /** How many of `articleIds` are kept. */
  async countOf(articleIds: Iterable<string>): Promise<number> {
    await this.#loaded
    let count = 0
    for (const id of articleIds) if (this.#lines.has(id)) count++
    return count
  }

  /** Writes what changed now; then no more writes (the library is closing). */
  async close(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    await this.flush()
    this.#closed = true
  }

  /** Writes the file now if anything changed since it was last written. */
  flush(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#writing = this.#writing.then(() => this.#write())
    return this.#writing
  }

  async #load(): Promise<void> {
    const found = await readSuggestionCacheFile(this.#file)
    if (found instanceof Map) this.#lines = found
    else if (found.problem === 'damaged')
      this.notices.push(
        `The suggestions cache was damaged (${found.detail}); articles are read again.`
      )
  }

  #schedule(): void {
    if (this.#closed) return
    this.#firstUnsaved ??= Date.now()
    const latest = this.#firstUnsaved + PERSIST_AT_LATEST_MS - Date.now()
    clearTimeout(this.#timer)
    this.#timer = setTimeout(
      () => void this.flush(),
      Math.max(0, Math.min(PERSIST_AFTER_MS, latest))
    )
    this.#timer.unref()
  }

  async #write(): Promise<void> {
    if (!this.#changed || this.#closed) return
    this.#changed = false
    this.#firstUnsaved = undefined
    const live = this.#live()
    for (const id of this.#lines.keys()) if (!live.has(id)) this.#lines.delete(id)
    try {
      await writeSuggestionCacheFile(this.#file, [...this.#lines.values()])
    } catch (error) {
      this.#changed = true
      this.notices.push(`Could not write the suggestions cache ${this.#file}: ${String(error)}`)
    }
  }
}
