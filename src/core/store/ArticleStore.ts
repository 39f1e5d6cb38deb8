import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type {
  Article,
  ArticleArrival,
  ArticleFields,
  ArticleMeta,
  ArticleOrigin
} from '../../shared/article'
import { publishedDateOf } from '../../shared/publishedDate'
import { DossierError } from '../../shared/result'
import { isIndexFile } from './checkIndexFile'
import { commitChange, restoreFields } from './commitChange'
import { DeferredWrite } from './DeferredWrite'
import { DurableJsonFile } from './DurableJsonFile'
import type { IndexFile, Tombstone } from './files'
import { INDEX_FORMAT, IndexFile as IndexFileSchema } from './files'
import { ArticleMeta as ArticleMetaSchema } from '../../shared/article'
import { mergeById } from './mergeById'
import { indexMigrations } from './migrations'
import type { RecoveryHost } from './readRecovering'
import { readRecovering } from './readRecovering'
import { salvageRecords } from './salvageRecords'
import { recoveredArticle } from './recoveredArticle'
import { sha256 } from './sha256'
import { writeFileDurable } from './writeFileDurable'

/** An article ready to be stored: decoded, normalised text plus its metadata. */
export interface NewArticle {
  text: string
  fields: ArticleFields
  origin: ArticleOrigin
}

export type AddOutcome =
  { status: 'imported'; article: ArticleMeta } | { status: 'duplicate'; article: ArticleMeta }

export type Counts = ArticleMeta['counts']

/** What the article store needs of the library around it. */
export interface ArticleStoreHost {
  dataDir: string
  notices: string[]
  recovery: RecoveryHost
  /** Runs a write in the library's queue of mutating operations. */
  exclusive<T>(operation: () => Promise<T>): Promise<T>
  /** The highlight and claim counts stored for an article (for a rebuilt index). */
  countAnnotations(article: ArticleMeta): Promise<Counts>
}

/** Article texts kept in memory after reading, most recent last. */
const RECENT_BODIES = 8

/** How long counts may wait before the index is rewritten; they are derived data. */
const INDEX_FLUSH_DELAY_MS = 500

/**
 * The articles: `library.json` (a lowdb index of every article's metadata) and
 * `bodies/<sha256>.txt` (the texts, content-addressed, written once at import).
 */
export class ArticleStore {
  readonly #host: ArticleStoreHost
  readonly #index: Low<IndexFile>
  readonly #byId = new Map<string, ArticleMeta>()
  readonly #recentBodies = new Map<string, string>()
  readonly #countsFlush: DeferredWrite
  /** Bumped by every change of counts; `#countsWritten` is the newest one on disk. */
  #countsChanged = 0
  #countsWritten = 0

  private constructor(host: ArticleStoreHost, index: Low<IndexFile>) {
    this.#host = host
    this.#index = index
    this.#countsFlush = new DeferredWrite(
      INDEX_FLUSH_DELAY_MS,
      () => host.exclusive(() => this.#writeCounts()),
      (error) => host.notices.push(`Could not save the library index: ${String(error)}`)
    )
  }

  /** Writes the index with the counts as they are now. */
  async #writeCounts(): Promise<void> {
    const changed = this.#countsChanged
    await this.#index.write()
    this.#countsWritten = Math.max(this.#countsWritten, changed)
  }

  /**
   * Reads the index. A damaged one is restored from the newest backup with every entry
   * still readable in it; a missing one (with texts stored) from the newest backup; either
   * way, texts it does not list are added back from the bodies, metadata unknown.
   */
  static async open(host: ArticleStoreHost): Promise<ArticleStore> {
    const adapter = new DurableJsonFile(
      join(host.dataDir, 'library.json'),
      IndexFileSchema,
      indexMigrations,
      INDEX_FORMAT,
      isIndexFile
    )
    const index = new Low<IndexFile>(adapter, {
      format: INDEX_FORMAT,
      articles: [],
      tombstones: []
    })
    const store = new ArticleStore(host, index)
    const recovered = await readRecovering(index, host.recovery, {
      what: 'the list of articles (titles, metadata, provenance)',
      salvage: (text, restored) => {
        const found = salvageRecords(text, 'articles', ArticleMetaSchema)
        return {
          data: { ...restored, articles: mergeById(restored.articles, found) },
          salvaged: found.length
        }
      },
      blocks: 'library'
    })
    // No index but stored texts: a deleted index, or a rebuild that was interrupted.
    const onDisk = recovered || (await adapter.exists())
    const missing =
      !onDisk && (await readdir(store.#bodiesDir)).some((name) => name.endsWith('.txt'))
    // A new library: its first index is written when it closes, if not before.
    if (!onDisk) store.#countsChanged++
    if (missing) {
      const backup = await host.recovery.backups
        .newestCopy('library.json', (bytes) => adapter.parse(bytes))
        .catch(() => undefined)
      if (backup) index.data = backup.value
      host.notices.push(
        backup
          ? `${adapter.path} was missing. Dossier restored it from the backup of ${new Date(backup.takenAt).toLocaleString('en-GB')}; articles imported after that come back without their metadata.`
          : `${adapter.path} was missing. Dossier rebuilt the list of articles from the stored texts; titles and metadata may need to be entered again.`
      )
    }
    if (recovered || missing) {
      await store.#addUnlistedBodies()
      await index.write()
    }
    for (const article of index.data.articles) store.#byId.set(article.id, article)
    return store
  }

  get #bodiesDir(): string {
    return join(this.#host.dataDir, 'bodies')
  }

  list({ trash = false }: { trash?: boolean } = {}): ArticleMeta[] {
    return this.#index.data.articles
      .filter((article) => (article.deletedAt !== undefined) === trash)
      .sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0))
  }

  /** Every article, trashed or not, in stored order. */
  all(): readonly ArticleMeta[] {
    return this.#index.data.articles
  }

  /** The article with exactly this id, if there is one. */
  byId(id: string): ArticleMeta | undefined {
    return this.#byId.get(id)
  }

  /**
   * The article with exactly this id, or `not_found`. Every change and every API call
   * takes exact ids: a prefix search over each of many ids would tie up the process.
   */
  find(id: string): ArticleMeta {
    const article = this.#byId.get(id)
    if (!article)
      throw new DossierError('not_found', `No article with id ${id} in ${this.#host.dataDir}.`)
    return article
  }

  /** Finds an article by id or by an unambiguous id prefix (as typed on the command line). */
  findByPrefix(idOrPrefix: string): ArticleMeta {
    const exact = this.#byId.get(idOrPrefix)
    if (exact) return exact
    const matches =
      idOrPrefix.length >= 4 ? [...this.#byId.keys()].filter((id) => id.startsWith(idOrPrefix)) : []
    if (matches.length === 1) return this.#byId.get(matches[0]!)!
    if (matches.length > 1)
      throw new DossierError(
        'invalid_input',
        `Article id ${idOrPrefix} is ambiguous: it starts ${matches.length} article ids.`
      )
    throw new DossierError(
      'not_found',
      `No article with id ${idOrPrefix} in ${this.#host.dataDir}.`
    )
  }

  /** An article with its text; `id` is exact unless `prefix` allows an unambiguous prefix. */
  async get(id: string, { prefix = false }: { prefix?: boolean } = {}): Promise<Article> {
    const meta = prefix ? this.findByPrefix(id) : this.find(id)
    return { ...meta, text: await this.readBody(meta) }
  }

  /**
   * Stores a batch of articles with one index write: each body is written durably, then
   * the index once, so a crash leaves at worst an unused body file. Duplicates (also
   * within the batch) come back as such.
   */
  async add(inputs: NewArticle[]): Promise<AddOutcome[]> {
    const outcomes: AddOutcome[] = []
    const staged: ArticleMeta[] = []
    // Articles that gained an arrival, with how many they had before.
    const arrived: ArticleMeta[] = []
    const before = new Map<ArticleMeta, ArticleArrival[] | undefined>()
    const keepArrival = (article: ArticleMeta, origin: ArticleOrigin): boolean => {
      if (!before.has(article)) before.set(article, article.arrivals)
      const arrival = newArrival(article, origin)
      if (arrival) article.arrivals = [...(article.arrivals ?? []), arrival]
      return arrival !== undefined
    }
    const unstage = (): void => {
      const gone = new Set(staged)
      this.#index.data.articles = this.#index.data.articles.filter((article) => !gone.has(article))
      for (const article of staged) this.#byId.delete(article.id)
      for (const [article, arrivals] of before) {
        if (arrivals === undefined) delete article.arrivals
        else article.arrivals = arrivals
      }
    }
    for (const input of inputs) {
      const textSha256 = sha256(input.text)
      const id = textSha256.slice(0, 16)
      const existing = this.#byId.get(id)
      if (existing) {
        // The same text again: also the way to repair its body if it was damaged.
        await this.#writeBodyOnce(textSha256, input.text)
        if (keepArrival(existing, input.origin)) arrived.push(existing)
        outcomes.push({ status: 'duplicate', article: existing })
        continue
      }
      try {
        await this.#writeBodyOnce(textSha256, input.text)
      } catch (error) {
        unstage()
        throw error
      }
      const now = new Date().toISOString()
      const publishedDate = publishedDateOf(input.fields.publishedAt)
      const article: ArticleMeta = {
        ...input.fields,
        ...(publishedDate === undefined ? {} : { publishedDate }),
        id,
        textSha256,
        textLength: input.text.length,
        origin: input.origin,
        importedAt: now,
        updatedAt: now,
        counts: { highlights: 0, claims: 0 }
      }
      // Its annotations may still be there: a backup restored by hand left it out of the
      // index, and importing its text again brings it back with them.
      article.counts = await this.#host.countAnnotations(article).catch(() => article.counts)
      this.#index.data.articles.push(article)
      this.#byId.set(id, article)
      staged.push(article)
      outcomes.push({ status: 'imported', article })
    }
    if (staged.length > 0 || arrived.length > 0) await commitChange(this.#index, unstage)
    return outcomes
  }

  async update(id: string, fields: Partial<ArticleFields>): Promise<ArticleMeta> {
    const article = this.find(id)
    const before = { ...article }
    Object.assign(article, definedOnly(fields), { updatedAt: new Date().toISOString() })
    if (fields.publishedAt !== undefined) {
      const publishedDate = publishedDateOf(fields.publishedAt)
      if (publishedDate === undefined) delete article.publishedDate
      else article.publishedDate = publishedDate
    }
    await commitChange(this.#index, () => restoreFields(article, before))
    return article
  }

  /** Moves articles to the Trash; their annotation files stay where they are. */
  async trash(ids: string[]): Promise<void> {
    const articles = ids.map((id) => this.find(id))
    const now = new Date().toISOString()
    const moved = articles.filter((article) => article.deletedAt === undefined)
    for (const article of moved) article.deletedAt = now
    await commitChange(this.#index, () => moved.forEach((article) => delete article.deletedAt))
  }

  async restore(ids: string[]): Promise<void> {
    const restored = ids.map((id) => this.find(id)).filter((a) => a.deletedAt !== undefined)
    const when = restored.map((article) => article.deletedAt)
    for (const article of restored) delete article.deletedAt
    await commitChange(this.#index, () =>
      restored.forEach((article, i) => (article.deletedAt = when[i]))
    )
  }

  /**
   * Deletes trashed articles for good, leaving a tombstone of each; removes their bodies.
   * Returns them, so the caller can remove what else belonged to them. With `only`, just
   * the trashed articles among those ids.
   */
  async emptyTrash(only?: ReadonlySet<string>): Promise<ArticleMeta[]> {
    const trashed = this.list({ trash: true }).filter((article) => !only || only.has(article.id))
    if (trashed.length === 0) return []
    const gone = new Set(trashed.map((article) => article.id))
    const before = this.#index.data.articles
    const tombstonesBefore = this.#index.data.tombstones
    const now = new Date().toISOString()
    this.#index.data.articles = before.filter((article) => !gone.has(article.id))
    this.#index.data.tombstones = [
      ...tombstonesBefore,
      ...trashed.map((article) => ({ id: article.id, kind: 'article' as const, deletedAt: now }))
    ]
    for (const id of gone) this.#byId.delete(id)
    await commitChange(this.#index, () => {
      this.#index.data.articles = before
      this.#index.data.tombstones = tombstonesBefore
      for (const article of trashed) this.#byId.set(article.id, article)
    })
    for (const article of trashed) await rm(this.#bodyPath(article.textSha256), { force: true })
    return trashed
  }

  /** Articles deleted for good. */
  tombstones(): readonly Tombstone[] {
    return this.#index.data.tombstones
  }

  /** Stores a text under its SHA-256 unless it is there already (a restore's texts). */
  writeBody(textSha256: string, text: string): Promise<void> {
    return this.#writeBodyOnce(textSha256, text)
  }

  /**
   * Puts restored articles in the index with one write: a new one is added as it was
   * backed up (import time, evidence, counts), a known one takes the merged metadata.
   * Their texts must be stored already.
   */
  async putRestored(metas: readonly ArticleMeta[]): Promise<void> {
    if (metas.length === 0) return
    const added: ArticleMeta[] = []
    const replaced: { article: ArticleMeta; before: ArticleMeta }[] = []
    for (const meta of metas) {
      const known = this.#byId.get(meta.id)
      if (known) {
        replaced.push({ article: known, before: { ...known } })
        restoreFields(known, { ...meta })
        continue
      }
      const article = { ...meta }
      this.#index.data.articles.push(article)
      this.#byId.set(article.id, article)
      added.push(article)
    }
    await commitChange(this.#index, () => {
      const gone = new Set(added)
      this.#index.data.articles = this.#index.data.articles.filter((a) => !gone.has(a))
      for (const article of added) this.#byId.delete(article.id)
      for (const { article, before } of replaced) restoreFields(article, before)
    })
  }

  /**
   * Adds tombstones of articles deleted for good elsewhere (a restored backup's), and drops
   * those of `revived` articles (deleted here, changed in the backup since).
   */
  async addTombstones(
    tombstones: readonly Tombstone[],
    revived: ReadonlySet<string> = new Set()
  ): Promise<void> {
    const before = this.#index.data.tombstones
    const kept = before.filter((t) => !revived.has(t.id))
    if (tombstones.length === 0 && kept.length === before.length) return
    this.#index.data.tombstones = [...kept, ...tombstones]
    await commitChange(this.#index, () => (this.#index.data.tombstones = before))
  }

  /** Sets an article's counts; they reach the index a moment later. */
  setCounts(article: ArticleMeta, counts: Counts): void {
    if (article.counts.highlights === counts.highlights && article.counts.claims === counts.claims)
      return
    article.counts = counts
    this.#countsChanged++
    this.#countsFlush.schedule()
  }

  /**
   * Stops deferred writes and writes the index now if counts changed since it was last
   * written (closing). Every other change was written when it was made, so a library only
   * read (`dossier list` at 100,000 articles) is not rewritten on the way out.
   */
  async close(): Promise<void> {
    this.#countsFlush.stop()
    if (this.#countsChanged !== this.#countsWritten) await this.#writeCounts()
  }

  /** Writes the index now (after counts were corrected on open). */
  write(): Promise<void> {
    return this.#writeCounts()
  }

  #bodyPath(textSha256: string): string {
    return join(this.#bodiesDir, `${textSha256}.txt`)
  }

  /**
   * Writes a body unless an intact one is there: a body changed or damaged outside Dossier
   * is repaired by importing the same text again.
   */
  async #writeBodyOnce(textSha256: string, text: string): Promise<void> {
    const path = this.#bodyPath(textSha256)
    const intact = await readFile(path, 'utf8').then(
      (stored) => sha256(stored) === textSha256,
      () => false
    )
    if (intact) return
    await writeFileDurable(path, text)
    this.#recentBodies.delete(textSha256)
  }

  /**
   * The verified text of an article. Bodies never change, so the last few read are kept:
   * saving highlights on one article does not re-read and re-hash its text each time.
   */
  async readBody(article: ArticleMeta): Promise<string> {
    const cached = this.#recentBodies.get(article.textSha256)
    if (cached !== undefined) return cached
    const path = this.#bodyPath(article.textSha256)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      throw new DossierError('damaged', `The text of "${article.title}" is missing from ${path}.`, {
        cause: error
      })
    }
    if (sha256(text) !== article.textSha256) {
      throw new DossierError(
        'damaged',
        `The text of "${article.title}" in ${path} does not match its checksum; the file was changed or damaged outside Dossier.`
      )
    }
    this.#recentBodies.set(article.textSha256, text)
    if (this.#recentBodies.size > RECENT_BODIES) {
      this.#recentBodies.delete(this.#recentBodies.keys().next().value!)
    }
    return text
  }

  /**
   * After the index was lost or restored from a backup: an entry for each stored text it
   * does not list, counts from disk. A text that cannot be read or does not match its name
   * is left out and reported, never deleted.
   */
  async #addUnlistedBodies(): Promise<void> {
    const now = new Date().toISOString()
    const listed = new Set(this.#index.data.articles.map((article) => article.textSha256))
    const names = (await readdir(this.#bodiesDir)).filter(
      (name) => /^[0-9a-f]{64}\.txt$/.test(name) && !listed.has(name.slice(0, 64))
    )
    for (const name of names) {
      const textSha256 = name.slice(0, 64)
      const path = join(this.#bodiesDir, name)
      const text = await readFile(path, 'utf8').catch(() => undefined)
      if (text === undefined || sha256(text) !== textSha256) {
        this.#host.notices.push(
          `${path} could not be read or is damaged; it was left out of the rebuilt list.`
        )
        continue
      }
      const article = recoveredArticle(text, textSha256, now)
      article.counts = await this.#host.countAnnotations(article)
      this.#index.data.articles.push(article)
    }
  }
}

/**
 * The evidence of another arrival of an article's text, unless it is the very file (same
 * name and bytes) already on record; a paste of the same text is kept too.
 */
function newArrival(article: ArticleMeta, origin: ArticleOrigin): ArticleArrival | undefined {
  const known = [article.origin, ...(article.arrivals ?? [])]
  const same = known.some(
    (o) =>
      o.kind === origin.kind && o.byteSha256 === origin.byteSha256 && o.fileName === origin.fileName
  )
  return same ? undefined : { ...origin, arrivedAt: new Date().toISOString() }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}
