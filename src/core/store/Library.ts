import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation } from '../../shared/annotation'
import type { ParsedInputOf } from '../../shared/api'
import type { Article, ArticleFields, ArticleMeta } from '../../shared/article'
import type {
  Claim,
  ClaimBoard,
  ClaimBoardRow,
  ClaimChange,
  ClaimLink,
  Corroboration,
  LinkedClaim
} from '../../shared/claim'
import { claimBoardRows } from '../../shared/claimBoardRows'
import { DossierError } from '../../shared/result'
import type { ArticleNote, Notebook, NotebookMeta } from '../../shared/notebook'
import type { RichDoc } from '../../shared/richText'
import type { Source, SourceRecord } from '../../shared/source'
import type { LibraryProblem } from '../../shared/problem'
import { AnnotationFiles } from './AnnotationFiles'
import { articlesWithOutlet } from './articlesWithOutlet'
import type { BackupInfo, BackupPolicy } from './BackupStore'
import { BackupStore, DEFAULT_BACKUP_POLICY } from './BackupStore'
import type { BackupRetention } from './LibrarySettings'
import { LibrarySettings } from './LibrarySettings'
import { ArticleNoteStore } from './ArticleNoteStore'
import type { AddOutcome, NewArticle } from './ArticleStore'
import { ArticleStore } from './ArticleStore'
import { ArticleWindows } from './ArticleWindows'
import { ClaimIndex } from './ClaimIndex'
import { onStoreWarning } from './commitChange'
import { ClaimStore } from './ClaimStore'
import type { AnnotationFile } from './files'
import { INDEX_FORMAT } from './files'
import { newerFormatError, sniffFormat } from './DurableJsonFile'
import { HighlightStore } from './HighlightStore'
import type { HolderKind } from './libraryLock'
import { LibraryLock } from './libraryLock'
import { LinkStore } from './LinkStore'
import { NotebookStore } from './NotebookStore'
import { ProblemLog } from './ProblemLog'
import { LibrarySearchSources } from './LibrarySearchSources'
import { RecordStore } from './RecordStore'
import type { RecoveryHost } from './readRecovering'
import { validateStoreFile } from './validateStoreFile'
import type { NoticeListener } from './noticeList'
import { noticeList } from './noticeList'
import { makeOwnerOnlyFolder } from './ownerOnly'
import { removeStrayTempFiles } from './removeStrayTempFiles'
import { SearchService } from './SearchService'
import { SourceRegistry } from './SourceRegistry'
import { SuggestionRejections } from './SuggestionRejections'
import { trackRecords } from './trackRecords'
import { WorkspaceStore } from './WorkspaceStore'
import { formatCount } from '../../shared/formatCount'

export type { AddOutcome, NewArticle } from './ArticleStore'

/**
 * One library in one data folder, and the one way to change it. The façade owns the lock
 * and the queue of mutating operations; each kind of record has its own store:
 *
 * - `library.json` + `bodies/`: articles and their texts (ArticleStore);
 * - `annotations/<articleId>.json`: an article's highlights, claims and outgoing links
 *   (HighlightStore, ClaimStore, LinkStore over AnnotationFiles);
 * - `sources.json`: the registry of claimants (SourceRegistry);
 * - `claims-index.json`: derived from the annotation files, rebuilt when lost (ClaimIndex);
 * - `search-index.ndjson`: the search index, derived from all of the above (SearchService);
 * - `workspace.json`: panes and reading preferences (WorkspaceStore);
 * - `suggestions-cache.ndjson`: derived, the attribution finder's suggestions per article,
 *   kept by src/core/suggestions (its writers close through `onClose`);
 * - `dossier.lock`: the one-writer lock.
 */
export class Library {
  readonly dataDir: string
  /** Things the user must be told, e.g. a damaged file that was moved aside. */
  readonly notices: string[]
  readonly #listenToNotices: (listener: NoticeListener) => () => void
  /** Open panes and reading preferences, saved beside the library. */
  readonly workspace: WorkspaceStore
  /** Every record as a backup carries it, and restoring a backup (export and restore). */
  readonly records: RecordStore
  /** Search across articles, highlights, claims, notes, notebooks and sources. */
  readonly search: SearchService
  /** The library table's sorted, filtered windows of the articles (kept until a change). */
  readonly windows: ArticleWindows
  readonly #lock: LibraryLock
  readonly #articles: ArticleStore
  readonly #files: AnnotationFiles
  readonly #highlights: HighlightStore
  readonly #claims: ClaimStore
  readonly #links: LinkStore
  readonly #sources: SourceRegistry
  readonly #index: ClaimIndex
  readonly #notebooks: NotebookStore
  readonly #articleNotes: ArticleNoteStore
  readonly #rejections: SuggestionRejections
  readonly #problems: ProblemLog
  readonly #backups: BackupStore
  readonly #settings: LibrarySettings
  #backupTimer: NodeJS.Timeout | undefined
  #backingUp: Promise<unknown> = Promise.resolve()
  /** When the newest backup was taken, and whether anything changed since. */
  #lastBackupAt = 0
  #changedSinceBackup = false
  readonly #stopWarnings: () => void
  #closing: Promise<void> | undefined
  /** The end of the chain of mutating operations; each waits for the one before. */
  #exclusiveTail: Promise<unknown> = Promise.resolve()
  readonly #changeListeners = new Set<() => void>()
  readonly #closeTasks = new Set<() => Promise<void>>()

  private constructor(
    dataDir: string,
    lock: LibraryLock,
    notices: ReturnType<typeof noticeList>,
    stores: {
      articles: ArticleStore
      files: AnnotationFiles
      sources: SourceRegistry
      index: ClaimIndex
      notebooks: NotebookStore
      recovery: RecoveryHost & {
        problems: ProblemLog
        backups: BackupStore
        settings: LibrarySettings
      }
    }
  ) {
    this.dataDir = dataDir
    this.#lock = lock
    this.notices = notices.notices
    this.#listenToNotices = notices.listen
    this.#articles = stores.articles
    this.windows = new ArticleWindows(stores.articles)
    this.#files = stores.files
    this.#sources = stores.sources
    this.#index = stores.index
    this.#notebooks = stores.notebooks
    this.#articleNotes = new ArticleNoteStore(stores.articles, stores.files)
    this.#rejections = new SuggestionRejections(stores.articles, stores.files)
    this.#stopWarnings = onStoreWarning((message, path) => {
      if (path.startsWith(dataDir)) this.notices.push(message)
    })
    this.#problems = stores.recovery.problems
    this.#backups = stores.recovery.backups
    this.#settings = stores.recovery.settings
    this.workspace = new WorkspaceStore(dataDir, stores.recovery)
    const recount = (articleId: string, file: AnnotationFile): void => {
      const article = this.#articles.byId(articleId)
      if (article) this.#articles.setCounts(article, countsOf(file))
      this.windows.invalidate()
    }
    this.search = new SearchService(
      dataDir,
      new LibrarySearchSources({ dataDir, ...stores }),
      this.notices
    )
    const parts = { ...stores, recount }
    this.#highlights = new HighlightStore(stores.articles, stores.files, recount)
    this.#claims = new ClaimStore(parts)
    this.#links = new LinkStore(parts)
    this.records = new RecordStore({
      ...parts,
      workspace: this.workspace,
      exclusive: async (operation) => {
        const value = await this.#exclusive(operation)
        this.search.everything(this.listArticles().map((article) => article.id))
        return value
      }
    })
  }

  /**
   * Opens (or creates) the library in `dataDir`, taking its lock. Backups follow `backups`
   * (by default the last 10 and one a day for 7 days, at most every 30 minutes of use).
   */
  static async open(
    dataDir: string,
    holder: HolderKind,
    options: { backups?: Partial<BackupPolicy>; breakLock?: boolean } = {}
  ): Promise<Library> {
    await Promise.all([
      makeOwnerOnlyFolder(join(dataDir, 'bodies')),
      makeOwnerOnlyFolder(join(dataDir, 'annotations'))
    ])
    const lock = await LibraryLock.acquire(dataDir, holder, { breakLock: options.breakLock })
    try {
      // A library.json from a newer Dossier (or one that cannot be read) is refused before
      // any store opens: opening one may move a damaged file aside, restore it and log it,
      // in a library we then refuse.
      const indexPath = join(dataDir, 'library.json')
      const indexFormat = await sniffFormat(indexPath)
      if (typeof indexFormat === 'number' && indexFormat > INDEX_FORMAT)
        throw newerFormatError(indexPath, indexFormat, INDEX_FORMAT)
      const listed = noticeList()
      const notices = listed.notices
      const [problems, settings] = await allSettled([
        ProblemLog.open(dataDir),
        LibrarySettings.open(dataDir)
      ] as const)
      const backups = new BackupStore(dataDir, validateStoreFile)
      // Before the retention is read from them: damaged settings must not prune backups.
      await problems.restoreFrom(backups)
      await settings.restoreFrom(backups, problems)
      backups.policy = {
        ...DEFAULT_BACKUP_POLICY,
        ...settings.backupRetention,
        ...options.backups
      }
      const recovery = { dataDir, problems, backups, settings }
      const files = new AnnotationFiles(dataDir, recovery)
      // Deferred writes of the stores run in the library's queue, once it exists.
      const opened: { library?: Library } = {}
      const exclusive = <T>(operation: () => Promise<T>): Promise<T> =>
        opened.library ? opened.library.#exclusive(operation, 'derived') : operation()
      // The stores read files of their own, so they open side by side: the file reads of
      // the small ones wait on the disk while library.json is parsed.
      const [articles, sources, notebooks, newestBackup] = await allSettled([
        ArticleStore.open({
          dataDir,
          notices,
          recovery,
          exclusive,
          countAnnotations: async (article) => countsOf((await files.load(article)).data)
        }),
        SourceRegistry.open(dataDir, recovery),
        NotebookStore.open(dataDir, recovery, { exclusive, notices }),
        backups.newestTakenAt()
      ] as const)
      const index = new ClaimIndex(dataDir, {
        articles: () => articles.all(),
        load: async (article) => (await files.load(article).catch(() => undefined))?.data,
        exclusive,
        notices
      })
      const library = new Library(dataDir, lock, listed, {
        articles,
        files,
        sources,
        index,
        notebooks,
        recovery
      })
      opened.library = library
      library.#lastBackupAt = Date.parse(newestBackup ?? '') || 0
      // Lock temp files of processes that are gone, whatever happened before.
      await removeStrayTempFiles(dataDir, await readdir(dataDir))
      // A clean close wrote the counts and the claims index and left no temp files; only a
      // crash (or a close whose writes failed) needs tidying.
      if (lock.previousSessionCrashed) await library.#recoverFromCrash()
      return library
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /**
   * Lets the operations already asked for finish, refuses new ones, waits for every write,
   * writes the counts and the claims index, and releases the lock (also when a write
   * fails). Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown()
    return this.#closing
  }

  async #shutDown(): Promise<void> {
    // If the last writes fail, the lock is left marked unclean: the next open checks counts
    // and indexes as after a crash instead of trusting them.
    let clean = false
    try {
      clearTimeout(this.#backupTimer)
      await this.#exclusive(async () => {
        await this.#articles.close()
        await this.#index.close()
        // After the claims index, whose deferred write would be refused while this one writes.
        await this.search.close()
        await this.#files.settled()
        await this.#sources.settled()
        await this.#notebooks.close()
        await this.workspace.settled()
        await this.#problems.settled()
        await this.#settings.settled()
        await this.#backingUp
        // Derived data kept beside the library (the suggestions cache), while the lock is held.
        await Promise.allSettled([...this.#closeTasks].map((task) => task()))
        // On quit, a backup of what changed in this session.
        if (this.#changedSinceBackup) await this.#takeBackup('quit')
      }, 'closing')
      clean = true
    } finally {
      this.#stopWarnings()
      await this.#lock.release({ clean })
    }
  }

  /**
   * Calls `listener` with each notice added from now on (the ones so far are in
   * `notices`); returns the way to stop.
   */
  onNotice(listener: NoticeListener): () => void {
    return this.#listenToNotices(listener)
  }

  // Problems and backups

  /** Damaged files found and what was done about them, until the analyst acknowledges each. */
  listProblems(): LibraryProblem[] {
    return this.#problems.open()
  }

  acknowledgeProblem(id: string): Promise<void> {
    return this.#problems.acknowledge(id)
  }

  /** Verified backups, newest first. */
  listBackups(): Promise<BackupInfo[]> {
    return this.#backups.list()
  }

  /** Takes a verified backup now (unless the library is flagged damaged). */
  backUpNow(): Promise<BackupInfo | undefined> {
    return this.#takeBackup('requested')
  }

  /** How many backups are kept: the newest `recent`, and one a day for `days` days. */
  get backupRetention(): BackupRetention {
    const { recent, days } = this.#backups.policy
    return { recent, days }
  }

  /**
   * Stores the analyst's retention in `settings.json` (every host of this library follows
   * it from its next open; this one at once). Nothing is pruned until the next backup.
   */
  setBackupRetention(retention: BackupRetention): Promise<BackupRetention> {
    return this.#exclusive(async () => {
      await this.#settings.setBackupRetention(retention)
      this.#backups.policy = { ...this.#backups.policy, ...retention }
      return this.backupRetention
    })
  }

  /** Where the backups are kept. */
  get backupDir(): string {
    return this.#backups.root
  }

  /**
   * Takes a backup, one at a time and never while an open problem says the library is
   * damaged (a damaged state must not push a good backup out of the rotation).
   */
  #takeBackup(reason: string): Promise<BackupInfo | undefined> {
    const run = this.#backingUp.then(async () => {
      if (this.#problems.open().some((problem) => problem.blocks !== undefined)) return undefined
      this.#changedSinceBackup = false
      try {
        const { backup, skipped } = await this.#backups.take(reason)
        this.#lastBackupAt = Date.parse(backup.takenAt)
        if (skipped.length > 0)
          this.notices.push(`The backup left out ${skipped.join(', ')}: they did not validate.`)
        return backup
      } catch (error) {
        this.#changedSinceBackup = true
        this.notices.push(
          `Could not take a backup in ${this.#backups.root}: ${(error as Error).message}`
        )
        return undefined
      }
    })
    this.#backingUp = run.catch(() => undefined)
    return run
  }

  /**
   * Calls `listener` after every change the analyst makes (not derived writes), so that
   * background work can step aside; returns the way to stop.
   */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener)
    return () => this.#changeListeners.delete(listener)
  }

  /** Runs `task` as the library closes, before its lock is released: a last derived write. */
  onClose(task: () => Promise<void>): void {
    this.#closeTasks.add(task)
  }

  /** After a change: a backup at most every `intervalMs` while the library is in use. */
  #noteActivity(): void {
    for (const listener of this.#changeListeners) listener()
    this.#changedSinceBackup = true
    if (this.#backupTimer || this.#closing) return
    const due = Math.max(10_000, this.#lastBackupAt + this.#backups.policy.intervalMs - Date.now())
    this.#backupTimer = setTimeout(() => {
      this.#backupTimer = undefined
      if (!this.#closing) void this.#takeBackup('interval')
    }, due)
    this.#backupTimer.unref()
  }

  /** Refuses a change that an open problem blocks, naming it. */
  #writable(articleId?: string): void {
    const problem = this.#problems.blocking(articleId)
    if (!problem) return
    throw new DossierError(
      'refused',
      problem.blocks === 'library'
        ? `The library opened read-only because ${problem.file} was damaged and no backup could restore it. Export what you need, then acknowledge the notice to make changes again.`
        : `Changes to this article wait until you acknowledge the notice about ${problem.file}: it was damaged and could not be fully restored.`
    )
  }

  // Articles

  listArticles({ trash = false }: { trash?: boolean } = {}): ArticleMeta[] {
    return this.#articles.list({ trash })
  }

  /** Finds an article by id or by an unambiguous id prefix (as typed on the command line). */
  findArticle(idOrPrefix: string): ArticleMeta {
    return this.#articles.findByPrefix(idOrPrefix)
  }

  /** An article with its text, by id or by an unambiguous id prefix (the CLI's way). */
  getArticle(idOrPrefix: string): Promise<Article> {
    return this.#articles.get(idOrPrefix, { prefix: true })
  }

  /**
   * The article with exactly this id, with its text: the API's way. Every other method
   * takes exact ids only; the CLI resolves prefixes with `findArticle` or `getArticle`.
   */
  article(id: string): Promise<Article> {
    return this.#articles.get(id)
  }

  /** Stores an article, or returns the existing one with the same text. */
  async addArticle(input: NewArticle): Promise<AddOutcome> {
    const [outcome] = await this.addArticles([input])
    return outcome!
  }

  /** Stores a batch of articles with one index write; duplicates come back as such. */
  async addArticles(inputs: NewArticle[]): Promise<AddOutcome[]> {
    const outcomes = await this.#exclusive(async () => {
      const outcomes = await this.#articles.add(inputs)
      // A text imported again after a hand restore: its claims are back on the board.
      for (const { status, article } of outcomes) {
        if (status !== 'imported' || article.counts.claims === 0) continue
        await this.#index.ready()
        this.#index.putArticle(article.id, (await this.#files.get(article)).data)
      }
      return outcomes
    })
    this.search.articles(outcomes.filter((o) => o.status === 'imported').map((o) => o.article.id))
    return outcomes
  }

  async updateArticle(id: string, fields: Partial<ArticleFields>): Promise<ArticleMeta> {
    const article = await this.#exclusive(() => this.#articles.update(id, fields))
    this.search.articles([article.id])
    return article
  }

  /** Moves articles to the Trash; their annotations, claims and links are hidden with them. */
  async deleteArticles(ids: string[]): Promise<void> {
    await this.#exclusive(() => this.#articles.trash(ids))
    this.search.articles(ids)
  }

  async restoreArticles(ids: string[]): Promise<void> {
    await this.#exclusive(() => this.#articles.restore(ids))
    this.search.articles(ids)
  }

  /**
   * Deletes trashed articles for good: index entries (leaving tombstones), annotation
   * files, unshared bodies; links from other articles' claims to theirs become tombstones.
   * With `ids`, only those of them (and no notebook).
   */
  emptyTrash(ids?: readonly string[]): Promise<number> {
    return this.#exclusive(async () => {
      await this.#index.ready()
      const only = ids && new Set(ids)
      const claimIds = new Set(
        this.listArticles({ trash: true })
          .filter((a) => !only || only.has(a.id))
          .flatMap((a) => this.#index.claimsOf(a.id).map((c) => c.id))
      )
      const removed = await this.#articles.emptyTrash(only)
      const gone = new Set(removed.map((article) => article.id))
      for (const article of removed) {
        await this.#files.remove(article.id)
        this.#index.removeArticle(article.id)
      }
      await this.#claims.tombstoneLinksTo(claimIds, gone)
      return removed.length + (only ? 0 : await this.#notebooks.emptyTrash())
    })
  }

  // Highlights

  listAnnotations(articleId: string): Promise<Annotation[]> {
    return this.#highlights.list(articleId)
  }

  /** Highlights `start`–`end` of the stored text; the quote is taken from the text. */
  createAnnotation(input: ParsedInputOf<'createAnnotation'>): Promise<Annotation> {
    return this.#forArticle(input.articleId, () => this.#highlights.create(input))
  }

  updateAnnotation(input: ParsedInputOf<'updateAnnotation'>): Promise<Annotation> {
    return this.#forArticle(input.articleId, () => this.#highlights.update(input))
  }

  deleteAnnotation(articleId: string, id: string): Promise<void> {
    return this.#forArticle(articleId, () => this.#highlights.remove(articleId, id))
  }

  // Claims and links

  listClaims(articleId: string): Promise<Claim[]> {
    return this.#claims.list(articleId)
  }

  createClaim(input: ParsedInputOf<'createClaim'>): Promise<Claim> {
    return this.#forArticle(input.articleId, () => this.#claims.create(input))
  }

  updateClaim(input: ParsedInputOf<'updateClaim'>): Promise<Claim> {
    return this.#forArticle(input.articleId, () => this.#claims.update(input))
  }

  deleteClaim(articleId: string, id: string): Promise<{ links: number }> {
    return this.#forArticle(articleId, () => this.#claims.remove(articleId, id))
  }

  undeleteClaim(articleId: string, id: string): Promise<Claim> {
    return this.#forArticle(articleId, () => this.#claims.undelete(articleId, id))
  }

  getClaimHistory(claimId: string): Promise<ClaimChange[]> {
    return this.#claims.history(claimId)
  }

  listLinks(articleId: string): Promise<LinkedClaim[]> {
    return this.#links.listFor(articleId)
  }

  createLink(input: ParsedInputOf<'createLink'>): Promise<ClaimLink> {
    return this.#exclusive(() => this.#links.create(input))
  }

  deleteLink(id: string): Promise<void> {
    return this.#exclusive(() => this.#links.remove(id))
  }

  undeleteLink(id: string): Promise<ClaimLink> {
    return this.#exclusive(() => this.#links.undelete(id))
  }

  getCorroboration(claimId: string): Promise<Corroboration> {
    return this.#links.corroboration(claimId)
  }

  /** The claims board by column, as the API's `listClaimBoard` sends it (see `ClaimBoard`). */
  listClaimBoard(): Promise<ClaimBoard> {
    return this.#links.board()
  }

  /** The claims board as rows, for the CLI. */
  async claimBoardRows(): Promise<ClaimBoardRow[]> {
    return claimBoardRows(await this.#links.board())
  }

  // Notes

  getArticleNote(articleId: string): Promise<ArticleNote | undefined> {
    return this.#articleNotes.get(articleId)
  }

  saveArticleNote(articleId: string, doc: RichDoc): Promise<ArticleNote> {
    return this.#forArticle(articleId, () => this.#articleNotes.save(articleId, doc))
  }

  listNotebooks({ trash = false }: { trash?: boolean } = {}): NotebookMeta[] {
    return this.#notebooks.list({ trash })
  }

  /** A notebook by id, or by its title or an id prefix (as typed on the command line). */
  findNotebook(idOrTitle: string): NotebookMeta {
    return this.#notebooks.find(idOrTitle)
  }

  createNotebook(title: string, id?: string): Promise<NotebookMeta> {
    return this.#notebook(() => this.#notebooks.create(title, id))
  }

  renameNotebook(id: string, title: string): Promise<NotebookMeta> {
    return this.#notebook(() => this.#notebooks.rename(id, title))
  }

  getNotebook(id: string): Promise<Notebook> {
    return this.#notebooks.get(id)
  }

  saveNotebook(id: string, doc: RichDoc): Promise<NotebookMeta> {
    return this.#notebook(() => this.#notebooks.save(id, doc))
  }

  deleteNotebooks(ids: string[]): Promise<void> {
    return this.#notebook(() => this.#notebooks.trash(ids))
  }

  restoreNotebooks(ids: string[]): Promise<void> {
    return this.#notebook(() => this.#notebooks.restore(ids))
  }

  // Suggestions of the attribution finder

  /** The keys of the article's suggestions the analyst rejected. */
  rejectedSuggestions(articleId: string): Promise<ReadonlySet<string>> {
    return this.#rejections.list(articleId)
  }

  rejectSuggestion(articleId: string, key: string): Promise<void> {
    return this.#forArticle(articleId, () => this.#rejections.add(articleId, key))
  }

  // Sources

  async listSources(): Promise<SourceRecord[]> {
    await this.#index.ready()
    return trackRecords(this.#sources.list(), this.#links.claimsOutsideTrash())
  }

  /** The live source whose name or an alias matches `name` (case and accents aside). */
  findSource(name: string): Source | undefined {
    return this.#sources.findByName(name)
  }

  createSource(input: ParsedInputOf<'createSource'>): Promise<Source> {
    return this.#source([], () => this.#sources.create(input))
  }

  updateSource(input: ParsedInputOf<'updateSource'>): Promise<Source> {
    return this.#source([input.id], () => this.#sources.update(input))
  }

  gradeSource(input: ParsedInputOf<'gradeSource'>): Promise<Source> {
    return this.#exclusive(() => this.#sources.grade(input))
  }

  /** Merges two entries that are one source: every claim of `mergedId` names the survivor. */
  mergeSources(survivorId: string, mergedId: string): Promise<Source> {
    return this.#source([survivorId, mergedId], async () => {
      const survivor = this.#sources.live(survivorId, 'survivorId')
      const merged = this.#sources.live(mergedId, 'mergedId')
      if (survivor === merged)
        throw new DossierError('invalid_input', 'mergedId: a source cannot be merged into itself.')
      const claims = await this.#claims.repoint(merged.id, survivor.id)
      await this.#sources.markMerged(survivor, merged, claims)
      return survivor
    })
  }

  unmergeSource(mergedId: string): Promise<Source> {
    return this.#source([mergedId], async () => {
      const merged = this.#sources.byId(mergedId)
      if (!merged?.mergedInto)
        throw new DossierError('not_found', `mergedId: source ${mergedId} was not merged.`)
      await this.#claims.repoint(merged.mergedInto, merged.id, merged.mergedClaims ?? [])
      await this.#sources.markUnmerged(merged)
      return merged
    })
  }

  /** Deletes a source that no live claim names. */
  deleteSource(id: string): Promise<void> {
    return this.#source([id], async () => {
      await this.#index.ready()
      const used = [...this.#index.claims()].filter((claim) => claim.sourceId === id).length
      if (used > 0)
        throw new DossierError(
          'refused',
          `id: ${formatCount(used, 'claim')} ${used === 1 ? 'names' : 'name'} this source; merge it into another or change their claimant first.`
        )
      await this.#sources.remove(id)
    })
  }

  undeleteSource(id: string): Promise<Source> {
    return this.#source([id], () => this.#sources.undelete(id))
  }

  /**
   * Runs one mutating operation at a time. The web host serves concurrent requests: without
   * this, two imports of one text could both pass the duplicate check, and a failed save's
   * revert could undo another operation's change.
   */
  #exclusive<T>(
    operation: () => Promise<T>,
    caller: 'closing' | 'open' | 'derived' = 'open'
  ): Promise<T> {
    if (this.#closing && caller !== 'closing') {
      return Promise.reject(
        new DossierError(
          'refused',
          `The library in ${this.dataDir} is closing; the change was not made.`
        )
      )
    }
    // Derived data (counts, the claims index) is written even while changes are refused.
    const guarded =
      caller === 'open'
        ? async () => {
            this.#writable()
            const value = await operation()
            this.#noteActivity()
            return value
          }
        : operation
    // Whether it succeeded or was reverted, the articles' windows are computed again.
    const run = () => guarded().finally(() => this.windows.invalidate())
    const result = this.#exclusiveTail.then(run, run)
    this.#exclusiveTail = result.catch(() => undefined)
    return result
  }

  /** A change to one article's annotations, refused while a problem blocks that article. */
  async #forArticle<T>(articleId: string, operation: () => Promise<T>): Promise<T> {
    const value = await this.#exclusive(() => {
      this.#writable(this.#articles.find(articleId).id)
      return operation()
    })
    this.search.anchored(articleId)
    return value
  }

  /** A change to notebooks, then told to the search index. */
  async #notebook<T>(operation: () => Promise<T>): Promise<T> {
    const value = await this.#exclusive(operation)
    this.search.loose()
    return value
  }

  /**
   * A change to the registry, then told to the search index, with the articles whose claims
   * name `sourceIds` once it is done (their claimant may be renamed or merged) and those
   * whose outlet bears one of their names before or after it (the link follows the names).
   */
  async #source<T extends Source | void>(
    sourceIds: string[],
    operation: () => Promise<T>
  ): Promise<T> {
    const namesOf = (ids: string[]): string[] =>
      ids.flatMap((id) => {
        const source = this.#sources.byId(id)
        return source ? [source.name, ...source.aliases] : []
      })
    let before: string[] = []
    const value = await this.#exclusive(() => {
      before = namesOf(sourceIds)
      return operation()
    })
    const after = namesOf(value ? [...sourceIds, value.id] : sourceIds)
    this.search.articles(articlesWithOutlet(this.listArticles(), [...before, ...after]))
    if (sourceIds.length === 0) this.search.loose()
    else {
      await this.#index.ready()
      const named = new Set(sourceIds)
      const articles = [...this.#index.claims()].filter((c) => c.sourceId && named.has(c.sourceId))
      this.search.loose(articles.map((claim) => claim.articleId))
    }
    return value
  }

  /**
   * After a crash: counts and the claims index reach disk a moment after the annotation
   * files, so files written since the index (by mtime, `>=` for coarse clocks) are read
   * again; temp files of unfinished writes are removed.
   */
  async #recoverFromCrash(): Promise<void> {
    const annotations = this.#files.dir
    const bodies = join(this.dataDir, 'bodies')
    const annotationNames = await readdir(annotations)
    const changed = await this.#changedSince(annotationNames, 'library.json')
    let recounted = false
    for (const article of changed) {
      // An unreadable file is reported when its article is opened; it must not block opening.
      const file = await this.#files.get(article).catch(() => undefined)
      if (!file) continue
      const counts = countsOf(file.data)
      if (
        counts.highlights === article.counts.highlights &&
        counts.claims === article.counts.claims
      )
        continue
      article.counts = counts
      recounted = true
    }
    if (recounted) await this.#articles.write()
    this.#index.markStale(await this.#changedSince(annotationNames, 'claims-index.json'))
    await removeStrayTempFiles(annotations, annotationNames)
    await removeStrayTempFiles(bodies, await readdir(bodies))
    const notebooks = join(this.dataDir, 'notebooks')
    await removeStrayTempFiles(notebooks, await readdir(notebooks).catch(() => []))
  }

  /** The articles whose annotation file was written at or after `reference` was. */
  async #changedSince(names: string[], reference: string): Promise<ArticleMeta[]> {
    const written = await stat(join(this.dataDir, reference)).then(
      (info) => info.mtimeMs,
      () => 0
    )
    const candidates = names
      .map((name) => (name.endsWith('.json') ? this.#articles.byId(name.slice(0, -5)) : undefined))
      .filter((article): article is ArticleMeta => article !== undefined)
    // stat in parallel batches: one at a time costs ~65 ms at 10,000 articles.
    const changed: ArticleMeta[] = []
    for (let i = 0; i < candidates.length; i += 256) {
      const batch = candidates.slice(i, i + 256)
      const times = await Promise.all(
        batch.map((article) =>
          stat(this.#files.path(article.id)).then(
            (info) => info.mtimeMs,
            () => 0
          )
        )
      )
      batch.forEach((article, j) => times[j]! >= written && changed.push(article))
    }
    return changed
  }
}

/**
 * Like Promise.all, but waits for every operation to end before throwing the first failure
 * (in the order given), so that nothing is still reading or moving files aside when the
 * lock is released.
 */
async function allSettled<T extends readonly unknown[]>(operations: {
  [K in keyof T]: Promise<T[K]>
}): Promise<T> {
  const outcomes = await Promise.allSettled(operations)
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason
  return outcomes.map(
    (outcome) => (outcome as PromiseFulfilledResult<unknown>).value
  ) as unknown as T
}

/** An article's highlight and live-claim counts, from its annotation file. */
function countsOf(file: AnnotationFile): ArticleMeta['counts'] {
  return {
    highlights: file.annotations.length,
    claims: file.claims.filter((claim) => claim.deletedAt === undefined).length
  }
}
