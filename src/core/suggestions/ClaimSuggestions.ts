import type { Claim } from '../../shared/claim'
import { DossierError } from '../../shared/result'
import type { Source } from '../../shared/source'
import type { AcceptedSuggestions, ClaimSuggestion, Suggestion } from '../../shared/suggestion'
import { matchClaimant } from '../attribution/matchClaimant'
import type { Library } from '../store/Library'
import { newSourceFor } from './newSourceFor'
import { SuggestionCache } from './SuggestionCache'
import { SuggestionPass } from './SuggestionPass'
import { suggestionKey } from './suggestionKey'

type Keyed = Suggestion & { key: string }

/** Articles whose suggestions are kept: more than the panes an analyst has open at once. */
const CACHED_ARTICLES = 16

/**
 * Finds the suggestions in an article's text: `find` for an open article, `findRows` for the
 * library pass (`encodeSuggestionRows` of them, found at low priority).
 */
export interface AttributionFinder {
  find(text: string): Promise<Suggestion[]>
  findRows(text: string): Promise<string>
}

/** The workers are started, and their module loaded, only when an article is first read. */
const offThread = () => import('../attribution/findAttributionsOffThread')
const findOffThread: AttributionFinder = {
  find: async (text) => (await offThread()).findAttributionsOffThread(text),
  findRows: async (text) => (await offThread()).findAttributionRowsOffThread(text)
}

/**
 * The attribution finder's suggestions for one library: what it proposes in an article, minus
 * what the analyst rejected or already made a claim of; rejecting one; accepting some as
 * claims. The finder reads each article once (its id is its text's hash, so the text cannot
 * change under the cache); accepting and rejecting run one at a time, so pressing Enter twice
 * cannot make two claims of one suggestion.
 */
export class ClaimSuggestions {
  readonly #library: Library
  readonly #find: AttributionFinder
  readonly #found = new Map<string, Promise<Keyed[]>>()
  /** Articles the finder is reading now, for the pass or for an open pane: read once. */
  readonly #reading = new Map<string, Promise<Suggestion[]>>()
  readonly #cache: SuggestionCache
  /** Every article's suggestions read in the background (issue #17's library pass). */
  readonly pass: SuggestionPass
  #queue: Promise<unknown> = Promise.resolve()

  constructor(
    library: Library,
    find: AttributionFinder = findOffThread,
    options: { quietAfterEditMs?: number } = {}
  ) {
    this.#library = library
    this.#find = find
    this.#cache = new SuggestionCache(library.dataDir, () => {
      const live = [...library.listArticles(), ...library.listArticles({ trash: true })]
      return new Set(live.map((article) => article.id))
    })
    this.pass = new SuggestionPass({
      library,
      cache: this.#cache,
      read: (articleId) => this.#readInBackground(articleId),
      ...options
    })
    library.onChange(() => this.pass.noteEdit())
    library.onClose(async () => {
      await this.pass.stop()
      await this.#cache.close()
    })
  }

  /** What went wrong with the suggestions cache that the analyst may want to know. */
  get notices(): readonly string[] {
    return this.#cache.notices
  }

  /** The article's open suggestions in text order, each with the registry source it names. */
  async list(articleId: string): Promise<ClaimSuggestion[]> {
    const [found, rejected, claims, sources] = await Promise.all([
      this.#suggestions(articleId),
      this.#library.rejectedSuggestions(articleId),
      this.#library.listClaims(articleId),
      this.#library.listSources()
    ])
    const claimed = new Set(claims.map(({ position }) => `${position.start}:${position.end}`))
    return found
      .filter((s) => !rejected.has(s.key) && !claimed.has(`${s.start}:${s.end}`))
      .map((suggestion) => {
        const sourceId = suggestion.claimant
          ? matchClaimant(suggestion.claimant, sources)
          : undefined
        return sourceId ? { ...suggestion, sourceId } : suggestion
      })
  }

  reject(articleId: string, key: string): Promise<void> {
    return this.#oneAtATime(async () => {
      await this.#open(articleId, [key], () => 'key')
      await this.#library.rejectSuggestion(articleId, key)
    })
  }

  /**
   * Makes each suggestion a claim: its passage, its claimant (the source it names, else a new
   * one), its attribution, and its cue as the claim's attribution span. Every key is checked
   * before anything is stored, and a failure part-way deletes what was made.
   */
  accept(articleId: string, keys: readonly string[]): Promise<AcceptedSuggestions> {
    return this.#oneAtATime(async () => {
      const open = await this.#open(articleId, keys, (i) => `keys[${i}]`)
      const chosen = [...new Map(open.map((suggestion) => [suggestion.key, suggestion])).values()]
      const made: AcceptedSuggestions = { claims: [], sources: [] }
      try {
        for (const suggestion of chosen)
          made.claims.push(await this.#claim(articleId, suggestion, made.sources))
      } catch (error) {
        await this.#undo(made)
        throw error
      }
      return made
    })
  }

  async #claim(articleId: string, suggestion: ClaimSuggestion, made: Source[]): Promise<Claim> {
    const sourceId = suggestion.sourceId ?? (await this.#sourceFor(suggestion, made))?.id
    return this.#library.createClaim({
      articleId,
      start: suggestion.start,
      end: suggestion.end,
      attributionSpan: { start: suggestion.cueStart, end: suggestion.cueEnd },
      attribution: suggestion.attribution,
      statement: '',
      ...(sourceId ? { sourceId } : {})
    })
  }

  /** The source a claimant the registry did not match becomes; one per claimant per batch. */
  async #sourceFor(suggestion: Suggestion, made: Source[]): Promise<Source | undefined> {
    const again = matchClaimant(suggestion.claimant, made)
    if (again) return made.find((source) => source.id === again)
    const entry = newSourceFor(suggestion)
    if (!entry) return undefined
    const known = this.#library.findSource(entry.name)
    if (known) return known
    const source = await this.#library.createSource(entry)
    made.push(source)
    return source
  }

  async #undo({ claims, sources }: AcceptedSuggestions): Promise<void> {
    for (const claim of claims)
      await this.#library.deleteClaim(claim.articleId, claim.id).catch(() => undefined)
    for (const source of sources) await this.#library.deleteSource(source.id).catch(() => undefined)
  }

  /** The open suggestions with these keys, or `not_found` naming the first that is not. */
  async #open(
    articleId: string,
    keys: readonly string[],
    field: (index: number) => string
  ): Promise<ClaimSuggestion[]> {
    const open = new Map((await this.list(articleId)).map((s) => [s.key, s]))
    return keys.map((key, index) => {
      const suggestion = open.get(key)
      if (!suggestion)
        throw new DossierError(
          'not_found',
          `${field(index)}: ${key} is not an open suggestion for this article (rejected, already a claim, or never suggested); ask suggestClaims again.`
        )
      return suggestion
    })
  }

  #suggestions(articleId: string): Promise<Keyed[]> {
    const cached = this.#found.get(articleId)
    if (cached) {
      // Most recently used last: the first entry is the one to drop.
      this.#found.delete(articleId)
      this.#found.set(articleId, cached)
      return cached
    }
    const found = this.#read(articleId).then((list) =>
      list.map((suggestion) => ({ ...suggestion, key: suggestionKey(suggestion) }))
    )
    found.catch(() => this.#found.delete(articleId))
    this.#found.set(articleId, found)
    if (this.#found.size > CACHED_ARTICLES) this.#found.delete(this.#found.keys().next().value!)
    return found
  }

  /** The article's suggestions: from the cache, else found (on the worker) and kept there. */
  #read(articleId: string): Promise<Suggestion[]> {
    const reading = this.#reading.get(articleId)
    if (reading) return reading
    const read = (async () => {
      const article = await this.#library.article(articleId)
      const kept = await this.#cache.get(articleId, article.text)
      if (kept) return kept
      const found = await this.#find.find(article.text)
      await this.#cache.put(articleId, found)
      return found
    })().finally(() => this.#reading.delete(articleId))
    this.#reading.set(articleId, read)
    return read
  }

  /** For the library pass: found at low priority and stored as they come, never decoded. */
  async #readInBackground(articleId: string): Promise<void> {
    if (this.#reading.has(articleId) || (await this.#cache.has(articleId))) return
    const article = await this.#library.article(articleId)
    await this.#cache.putRows(articleId, await this.#find.findRows(article.text))
  }

  #oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation)
    this.#queue = run.catch(() => undefined)
    return run
  }
}
