import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Annotation } from '../../shared/annotation'
import type { ParsedInputOf } from '../../shared/api'
import { quoteAt, snapToCodePoint } from '../../shared/anchoring'
import type { Article, ArticleFields, ArticleMeta, ArticleOrigin } from '../../shared/article'
import { DossierError } from '../../shared/result'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import type { AnnotationFile } from './files'
import { AnnotationFile as AnnotationFileSchema, FORMAT_VERSION, IndexFile } from './files'
import type { HolderKind } from './libraryLock'
import { LibraryLock } from './libraryLock'
import { recoveredArticle } from './recoveredArticle'
import { removeStrayTempFiles } from './removeStrayTempFiles'
import { sha256 } from './sha256'
import { WorkspaceStore } from './WorkspaceStore'
import { writeFileDurable } from './writeFileDurable'

/** An article ready to be stored: decoded, normalised text plus its metadata. */
export interface NewArticle {
  text: string
  fields: ArticleFields
  origin: ArticleOrigin
}

export type AddOutcome =
  { status: 'imported'; article: ArticleMeta } | { status: 'duplicate'; article: ArticleMeta }

/** Article texts kept in memory after reading, most recent last. */
const RECENT_BODIES = 8

/** How long counts may wait before the index is rewritten; they are derived data. */
const INDEX_FLUSH_DELAY_MS = 500

/**
 * One library in one data folder:
 *
 * - `library.json`: a lowdb index with every article's metadata;
 * - `bodies/<sha256>.txt`: article texts, content-addressed, written once at import;
 * - `annotations/<articleId>.json`: one lowdb file per article, so saving an annotation
 *   rewrites only that article's annotations;
 * - `dossier.lock`: the one-writer lock.
 */
export class Library {
  readonly dataDir: string
  /** Things the user must be told, e.g. a damaged file that was moved aside. */
  readonly notices: string[] = []
  /** Open panes and reading preferences, saved beside the library. */
  readonly workspace: WorkspaceStore
  readonly #lock: LibraryLock
  readonly #index: Low<IndexFile>
  readonly #byId = new Map<string, ArticleMeta>()
  readonly #annotations = new Map<string, Promise<Low<AnnotationFile>>>()
  #flushTimer: NodeJS.Timeout | undefined
  #closing: Promise<void> | undefined
  /** The end of the chain of mutating operations; each waits for the one before. */
  #exclusiveTail: Promise<unknown> = Promise.resolve()
  readonly #recentBodies = new Map<string, string>()

  private constructor(dataDir: string, lock: LibraryLock, index: Low<IndexFile>) {
    this.dataDir = dataDir
    this.#lock = lock
    this.#index = index
    this.workspace = new WorkspaceStore(dataDir, (message) => this.notices.push(message))
  }

  /** Opens (or creates) the library in `dataDir`, taking its lock. */
  static async open(dataDir: string, holder: HolderKind): Promise<Library> {
    await mkdir(join(dataDir, 'bodies'), { recursive: true })
    await mkdir(join(dataDir, 'annotations'), { recursive: true })
    const lock = await LibraryLock.acquire(dataDir, holder)
    try {
      const adapter = new DurableJsonFile(join(dataDir, 'library.json'), IndexFile)
      const index = new Low<IndexFile>(adapter, { format: FORMAT_VERSION, articles: [] })
      const library = new Library(dataDir, lock, index)
      let problem: string | undefined
      try {
        await index.read()
        // No index but stored texts: a rebuild that was interrupted, or a deleted index.
        if (!(await adapter.exists()) && (await readdir(join(dataDir, 'bodies'))).length > 0) {
          problem = `${adapter.path} is missing.`
        }
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error
        problem = error.message
      }
      if (problem) {
        const rebuilt = await library.#rebuildIndex()
        library.notices.push(
          `${problem} Dossier rebuilt the list of ${rebuilt} article(s) from the stored texts; titles and metadata may need to be entered again.`
        )
      }
      for (const article of index.data.articles) library.#byId.set(article.id, article)
      // A clean close wrote the counts and left no temp files; only a crash needs tidying.
      if (lock.previousSessionCrashed) await library.#recoverFromCrash()
      return library
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /**
   * Lets the operations already asked for finish, refuses new ones, waits for every write,
   * writes the counts and releases the lock (also when that last write fails). Calling it
   * again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown()
    return this.#closing
  }

  async #shutDown(): Promise<void> {
    try {
      await this.#exclusive(async () => {
        clearTimeout(this.#flushTimer)
        await this.#index.write()
        for (const pending of this.#annotations.values()) {
          const file = await pending.catch(() => undefined)
          if (file?.adapter instanceof DurableJsonFile) await file.adapter.settled()
        }
        await this.workspace.settled()
      }, 'closing')
    } finally {
      await this.#lock.release()
    }
  }

  listArticles({ trash = false }: { trash?: boolean } = {}): ArticleMeta[] {
    return this.#index.data.articles
      .filter((article) => (article.deletedAt !== undefined) === trash)
      .sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0))
  }

  /** Finds an article by id or by an unambiguous id prefix (as typed on the command line). */
  findArticle(idOrPrefix: string): ArticleMeta {
    const exact = this.#byId.get(idOrPrefix)
    if (exact) return exact
    const matches =
      idOrPrefix.length >= 4 ? [...this.#byId.keys()].filter((id) => id.startsWith(idOrPrefix)) : []
    if (matches.length === 1) return this.#byId.get(matches[0])!
    if (matches.length > 1)
      throw new DossierError(
        'invalid_input',
        `Article id ${idOrPrefix} is ambiguous: it starts ${matches.length} article ids.`
      )
    throw new DossierError('not_found', `No article with id ${idOrPrefix} in ${this.dataDir}.`)
  }

  async getArticle(id: string): Promise<Article> {
    const meta = this.findArticle(id)
    return { ...meta, text: await this.#readBody(meta) }
  }

  /**
   * Stores an article, or returns the existing one with the same text. The body is made
   * durable before the index names it, so a crash leaves at worst an unused body file.
   */
  async addArticle(input: NewArticle): Promise<AddOutcome> {
    const [outcome] = await this.addArticles([input])
    return outcome!
  }

  /**
   * Stores a batch of articles with one index write: each body is written durably, then
   * the index once. Resolves when all of them are on disk; duplicates (also within the
   * batch) come back as such.
   */
  addArticles(inputs: NewArticle[]): Promise<AddOutcome[]> {
    return this.#exclusive(async () => {
      const outcomes: AddOutcome[] = []
      const staged: ArticleMeta[] = []
      const unstage = (): void => {
        const gone = new Set(staged)
        this.#index.data.articles = this.#index.data.articles.filter(
          (article) => !gone.has(article)
        )
        for (const article of staged) this.#byId.delete(article.id)
      }
      for (const input of inputs) {
        const textSha256 = sha256(input.text)
        const id = textSha256.slice(0, 16)
        const existing = this.#byId.get(id)
        if (existing) {
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
        const article: ArticleMeta = {
          ...input.fields,
          id,
          textSha256,
          textLength: input.text.length,
          origin: input.origin,
          importedAt: now,
          updatedAt: now,
          counts: { highlights: 0, claims: 0 }
        }
        this.#index.data.articles.push(article)
        this.#byId.set(id, article)
        staged.push(article)
        outcomes.push({ status: 'imported', article })
      }
      if (staged.length > 0) await this.#commit(this.#index, unstage)
      return outcomes
    })
  }

  updateArticle(id: string, fields: Partial<ArticleFields>): Promise<ArticleMeta> {
    return this.#exclusive(async () => {
      const article = this.findArticle(id)
      const before = { ...article }
      Object.assign(article, definedOnly(fields), { updatedAt: new Date().toISOString() })
      await this.#commit(this.#index, () => Object.assign(article, before))
      return article
    })
  }

  /** Moves articles to the Trash; their annotation files stay where they are. */
  deleteArticles(ids: string[]): Promise<void> {
    return this.#exclusive(async () => {
      const articles = ids.map((id) => this.findArticle(id))
      const now = new Date().toISOString()
      const moved = articles.filter((article) => article.deletedAt === undefined)
      for (const article of moved) article.deletedAt = now
      await this.#commit(this.#index, () => moved.forEach((article) => delete article.deletedAt))
    })
  }

  restoreArticles(ids: string[]): Promise<void> {
    return this.#exclusive(async () => {
      const restored = ids
        .map((id) => this.findArticle(id))
        .filter((a) => a.deletedAt !== undefined)
      const when = restored.map((article) => article.deletedAt)
      for (const article of restored) delete article.deletedAt
      await this.#commit(this.#index, () =>
        restored.forEach((article, i) => (article.deletedAt = when[i]))
      )
    })
  }

  /** Deletes trashed articles for good: index entries, annotations, unshared bodies. */
  emptyTrash(): Promise<number> {
    return this.#exclusive(async () => {
      const trashed = this.listArticles({ trash: true })
      if (trashed.length === 0) return 0
      const gone = new Set(trashed.map((article) => article.id))
      const before = this.#index.data.articles
      this.#index.data.articles = before.filter((article) => !gone.has(article.id))
      for (const id of gone) this.#byId.delete(id)
      await this.#commit(this.#index, () => {
        this.#index.data.articles = before
        for (const article of trashed) this.#byId.set(article.id, article)
      })
      for (const article of trashed) {
        this.#annotations.delete(article.id)
        await rm(this.#annotationPath(article.id), { force: true })
        await rm(this.#bodyPath(article.textSha256), { force: true })
      }
      return trashed.length
    })
  }

  async listAnnotations(articleId: string): Promise<Annotation[]> {
    const article = this.findArticle(articleId)
    const file = await this.#annotationFile(article)
    return [...file.data.annotations].sort(
      (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
    )
  }

  /**
   * Highlights `start`–`end` of the stored text. Offsets that would split a surrogate
   * pair are widened to whole characters; the quote is taken from the stored text.
   */
  createAnnotation(input: ParsedInputOf<'createAnnotation'>): Promise<Annotation> {
    return this.#exclusive(async () => {
      const article = this.findArticle(input.articleId)
      if (input.end > article.textLength) {
        throw new DossierError(
          'invalid_input',
          `end: ${input.end} is past the end of the article (${article.textLength} characters).`
        )
      }
      const text = await this.#readBody(article)
      const position = {
        start: snapToCodePoint(text, input.start, 'backward'),
        end: snapToCodePoint(text, input.end, 'forward')
      }
      const quote = quoteAt(text, position)
      if (quote.exact.trim() === '')
        throw new DossierError('invalid_input', 'The selected passage is only white space.')
      const file = await this.#annotationFile(article)
      if (input.id && file.data.annotations.some((a) => a.id === input.id)) {
        throw new DossierError('invalid_input', `id: annotation ${input.id} already exists.`)
      }
      const now = new Date().toISOString()
      const annotation: Annotation = {
        id: input.id ?? randomUUID(),
        articleId: article.id,
        position,
        quote,
        color: input.color,
        note: input.note ?? '',
        createdAt: now,
        updatedAt: now
      }
      file.data.annotations.push(annotation)
      await this.#commit(file, () => {
        file.data.annotations = file.data.annotations.filter((a) => a !== annotation)
      })
      this.#recount(article, file.data)
      return annotation
    })
  }

  updateAnnotation(input: ParsedInputOf<'updateAnnotation'>): Promise<Annotation> {
    return this.#exclusive(async () => {
      const article = this.findArticle(input.articleId)
      const file = await this.#annotationFile(article)
      const annotation = file.data.annotations.find((a) => a.id === input.id)
      if (!annotation)
        throw new DossierError('not_found', `No annotation ${input.id} on article ${article.id}.`)
      const before = { ...annotation }
      Object.assign(annotation, definedOnly({ color: input.color, note: input.note }), {
        updatedAt: new Date().toISOString()
      })
      await this.#commit(file, () => Object.assign(annotation, before))
      return annotation
    })
  }

  deleteAnnotation(articleId: string, id: string): Promise<void> {
    return this.#exclusive(async () => {
      const article = this.findArticle(articleId)
      const file = await this.#annotationFile(article)
      const removed = file.data.annotations.find((a) => a.id === id)
      if (!removed)
        throw new DossierError('not_found', `No annotation ${id} on article ${article.id}.`)
      file.data.annotations = file.data.annotations.filter((a) => a !== removed)
      await this.#commit(file, () => file.data.annotations.push(removed))
      this.#recount(article, file.data)
    })
  }

  /**
   * Writes a change already made in memory. If the write fails, `revert` undoes the
   * change, so what is in memory is what callers were told was saved.
   */
  async #commit<T>(low: Low<T>, revert: () => void): Promise<void> {
    try {
      await low.write()
    } catch (error) {
      revert()
      const path = low.adapter instanceof DurableJsonFile ? low.adapter.path : 'the library'
      throw new DossierError(
        'io',
        `Could not save ${path} (${(error as Error).message}); the change was not made.`,
        {
          cause: error
        }
      )
    }
  }

  #bodyPath(textSha256: string): string {
    return join(this.dataDir, 'bodies', `${textSha256}.txt`)
  }

  #annotationPath(articleId: string): string {
    return join(this.dataDir, 'annotations', `${articleId}.json`)
  }

  async #writeBodyOnce(textSha256: string, text: string): Promise<void> {
    const path = this.#bodyPath(textSha256)
    const present = await stat(path).then(
      (s) => s.isFile(),
      () => false
    )
    if (!present) await writeFileDurable(path, text)
  }

  /**
   * The verified text of an article. Bodies never change, so the last few read are kept:
   * saving highlights on one article does not re-read and re-hash its text each time.
   */
  async #readBody(article: ArticleMeta): Promise<string> {
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

  #annotationFile(article: ArticleMeta): Promise<Low<AnnotationFile>> {
    let file = this.#annotations.get(article.id)
    if (!file) {
      file = this.#loadAnnotationFile(article)
      this.#annotations.set(article.id, file)
      file.catch(() => this.#annotations.delete(article.id))
    }
    return file
  }

  async #loadAnnotationFile(article: ArticleMeta): Promise<Low<AnnotationFile>> {
    const adapter = new DurableJsonFile(this.#annotationPath(article.id), AnnotationFileSchema)
    const empty: AnnotationFile = {
      format: FORMAT_VERSION,
      articleId: article.id,
      textSha256: article.textSha256,
      annotations: []
    }
    const file = new Low<AnnotationFile>(adapter, empty)
    try {
      await file.read()
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      this.notices.push(
        `${error.message} The annotations of "${article.title}" start empty; the damaged file is kept.`
      )
    }
    return file
  }

  /**
   * Runs one mutating operation at a time. The web host serves concurrent requests: without
   * this, two imports of one text could both pass the duplicate check, and a failed save's
   * revert could undo another operation's change.
   */
  #exclusive<T>(operation: () => Promise<T>, caller: 'closing' | 'open' = 'open'): Promise<T> {
    if (this.#closing && caller === 'open') {
      return Promise.reject(
        new DossierError(
          'refused',
          `The library in ${this.dataDir} is closing; the change was not made.`
        )
      )
    }
    const result = this.#exclusiveTail.then(operation, operation)
    this.#exclusiveTail = result.catch(() => undefined)
    return result
  }

  #recount(article: ArticleMeta, file: AnnotationFile): void {
    article.counts = { highlights: file.annotations.length, claims: 0 }
    clearTimeout(this.#flushTimer)
    // Closing writes the counts itself.
    if (this.#closing) return
    this.#flushTimer = setTimeout(() => {
      if (this.#closing) return
      this.#exclusive(() => this.#index.write()).catch((error: unknown) =>
        this.notices.push(`Could not save the library index: ${String(error)}`)
      )
    }, INDEX_FLUSH_DELAY_MS)
  }

  /** After a crash: recount annotation files saved after the index, remove temp files. */
  async #recoverFromCrash(): Promise<void> {
    const annotations = join(this.dataDir, 'annotations')
    const bodies = join(this.dataDir, 'bodies')
    const annotationNames = await readdir(annotations)
    await this.#recountChangedAnnotations(annotationNames)
    await removeStrayTempFiles(this.dataDir, await readdir(this.dataDir))
    await removeStrayTempFiles(annotations, annotationNames)
    await removeStrayTempFiles(bodies, await readdir(bodies))
  }

  /**
   * Counts reach the index with a delay, so a crash can leave them behind. Annotation
   * files written since the index (by mtime, `>=` for coarse clocks) are counted again.
   */
  async #recountChangedAnnotations(names: string[]): Promise<void> {
    const indexWritten = await stat(join(this.dataDir, 'library.json')).then(
      (info) => info.mtimeMs,
      () => 0
    )
    const candidates = names
      .map((name) => (name.endsWith('.json') ? this.#byId.get(name.slice(0, -5)) : undefined))
      .filter((article): article is ArticleMeta => article !== undefined)
    // stat in parallel batches: one at a time costs ~65 ms at 10,000 articles.
    const changedSince: ArticleMeta[] = []
    for (let i = 0; i < candidates.length; i += 256) {
      const batch = candidates.slice(i, i + 256)
      const written = await Promise.all(
        batch.map((article) =>
          stat(this.#annotationPath(article.id)).then(
            (info) => info.mtimeMs,
            () => 0
          )
        )
      )
      batch.forEach((article, j) => written[j]! >= indexWritten && changedSince.push(article))
    }
    let changed = false
    for (const article of changedSince) {
      // An unreadable file is reported when its article is opened; it must not block opening.
      const file = await this.#annotationFile(article).catch(() => undefined)
      const highlights = file?.data.annotations.length
      if (highlights === undefined || highlights === article.counts.highlights) continue
      article.counts = { ...article.counts, highlights }
      changed = true
    }
    if (changed) await this.#index.write()
  }

  /**
   * After the index was lost: one entry per stored text, counts from disk. A text that
   * cannot be read or does not match its name is left out and reported, never deleted.
   */
  async #rebuildIndex(): Promise<number> {
    const now = new Date().toISOString()
    const bodies = join(this.dataDir, 'bodies')
    const names = (await readdir(bodies)).filter((name) => /^[0-9a-f]{64}\.txt$/.test(name))
    for (const name of names) {
      const textSha256 = name.slice(0, 64)
      const text = await readFile(join(bodies, name), 'utf8').catch(() => undefined)
      if (text === undefined || sha256(text) !== textSha256) {
        this.notices.push(
          `${join(bodies, name)} could not be read or is damaged; it was left out of the rebuilt list.`
        )
        continue
      }
      const article = recoveredArticle(text, textSha256, now)
      const annotations = await this.#loadAnnotationFile(article)
      article.counts.highlights = annotations.data.annotations.length
      this.#index.data.articles.push(article)
    }
    await this.#index.write()
    return this.#index.data.articles.length
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}
