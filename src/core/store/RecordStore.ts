import type { RestoreSummary } from '../../shared/exporting'
import { DossierError } from '../../shared/result'
import { ArticleMeta as ArticleMetaSchema } from '../../shared/article'
import { Workspace } from '../../shared/workspace'
import type { AnnotationFiles } from './AnnotationFiles'
import type { ArticleStore } from './ArticleStore'
import type { ClaimIndex } from './ClaimIndex'
import type { AnnotationFile } from './files'
import { FORMAT_VERSION } from './files'
import type {
  ArticleRecords,
  LibraryRecords,
  LibraryWideRecords,
  NotebookRecords
} from './LibraryRecords'
import type { MergePlan } from './mergeLibraryRecords'
import { mergeLibraryRecords } from './mergeLibraryRecords'
import type { NotebookStore } from './NotebookStore'
import type { SourceRegistry } from './SourceRegistry'
import type { WorkspaceStore } from './WorkspaceStore'
import { formatCount } from '../../shared/formatCount'

/** The stores of one library that a backup reads and a restore writes. */
export interface RecordStoreParts {
  articles: ArticleStore
  files: AnnotationFiles
  sources: SourceRegistry
  notebooks: NotebookStore
  index: ClaimIndex
  workspace: WorkspaceStore
  recount(articleId: string, file: AnnotationFile): void
  /** Runs a change in the library's queue of mutating operations. */
  exclusive<T>(operation: () => Promise<T>): Promise<T>
}

/** Writes in flight at once while restoring: enough to overlap the fsyncs. */
const WRITES_IN_FLIGHT = 16

/**
 * The library's records as a backup carries them, and the way back: reading copies of
 * what the files hold (Trash, tombstones and deleted claims included), and restoring a
 * backup into an empty library exactly or merging it into one that has records.
 */
export class RecordStore {
  readonly #parts: RecordStoreParts

  constructor(parts: RecordStoreParts) {
    this.#parts = parts
  }

  /** Every article's id, the Trash's included, in stored order. */
  articleIds(): string[] {
    return this.#parts.articles.all().map((article) => article.id)
  }

  /**
   * The records of each article, one at a time, so a 10,000-article library never sits in
   * memory whole; each is a copy in the schema's field order, as the files would give it.
   */
  async *articles(ids: readonly string[]): AsyncGenerator<ArticleRecords> {
    const { articles, files } = this.#parts
    for (const id of ids) {
      const meta = articles.find(id)
      const [text, file] = await Promise.all([articles.readBody(meta), files.copyOf(meta)])
      yield {
        article: ArticleMetaSchema.parse(meta),
        text,
        annotations: file.annotations,
        claims: file.claims,
        links: file.links,
        tombstones: file.tombstones,
        ...(file.articleNote ? { articleNote: file.articleNote } : {}),
        ...(file.rejectedSuggestions ? { rejectedSuggestions: file.rejectedSuggestions } : {})
      }
    }
  }

  /** The sources, the notebooks (`notebookIds`, or every one) and the tombstones. */
  async libraryWide({
    notebookIds,
    workspace
  }: {
    notebookIds?: readonly string[]
    workspace: boolean
  }): Promise<LibraryWideRecords> {
    const { sources, notebooks, articles } = this.#parts
    const wanted = notebookIds ?? notebooks.all().map((notebook) => notebook.id)
    const bodies: NotebookRecords[] = []
    for (const id of wanted) bodies.push(await notebooks.copyOf(id))
    return {
      sources: sources.copyAll(),
      notebooks: bodies,
      tombstones: workspace ? [...articles.tombstones(), ...notebooks.tombstones()] : [],
      ...(workspace ? { workspace: Workspace.parse(await this.#parts.workspace.get()) } : {})
    }
  }

  /**
   * Restores a backup's records. `empty`: the library must have no articles, notebooks or
   * sources, and gets the backup exactly (its workspace too). `merge`: see
   * `mergeLibraryRecords`. Texts are written first, then each article's file, then the
   * list of articles, so an interrupted restore leaves at worst texts nothing lists.
   */
  restore(
    records: LibraryRecords,
    mode: 'empty' | 'merge'
  ): Promise<Omit<RestoreSummary, 'format' | 'migrated'>> {
    return this.#parts.exclusive(async () => {
      const { articles, notebooks, sources } = this.#parts
      if (mode === 'empty' && !this.#isEmpty())
        throw new DossierError(
          'refused',
          `The library is not empty (${formatCount(articles.all().length, 'article')}, ${formatCount(notebooks.all().length, 'notebook')}, ${formatCount(sources.copyAll().length, 'source')}); restore into a new library, or merge the backup into this one.`
        )
      const local = await this.#local(records)
      // Into an empty library the backup comes back exactly: a notebook deleted for good
      // here before (the only tombstones an empty library may have) is brought back too.
      const plan = mergeLibraryRecords(
        mode === 'empty' ? { ...local, tombstones: [] } : local,
        records,
        now()
      )
      if (mode === 'empty') {
        const restored = new Set(records.notebooks.map((notebook) => notebook.id))
        const known = new Set(local.tombstones.map((t) => t.id))
        plan.revived = local.tombstones.filter((t) => restored.has(t.id)).map((t) => t.id)
        plan.tombstones = plan.tombstones.filter((t) => !known.has(t.id))
      }
      if (mode === 'merge') delete plan.workspace
      await this.#write(plan)
      const { added, updated, unchanged, keptDeleted, conflicts } = plan
      return { mode, added, updated, unchanged, keptDeleted, conflicts }
    })
  }

  #isEmpty(): boolean {
    const { articles, notebooks, sources } = this.#parts
    return (
      articles.all().length === 0 &&
      notebooks.all().length === 0 &&
      sources.copyAll().length === 0 &&
      articles.tombstones().length === 0
    )
  }

  /** What the library has of the backup's articles, and its sources and notebooks. */
  async #local(records: LibraryRecords): Promise<Parameters<typeof mergeLibraryRecords>[0]> {
    const { articles, sources, notebooks } = this.#parts
    const present = records.articles
      .map((entry) => entry.article.id)
      .filter((id) => articles.byId(id) !== undefined)
    const local = new Map<string, ArticleRecords>()
    for await (const entry of this.articles(present)) local.set(entry.article.id, entry)
    const wanted = new Set(records.notebooks.map((n) => n.id))
    const localNotebooks = new Map<string, NotebookRecords>()
    for (const notebook of notebooks.all())
      if (wanted.has(notebook.id))
        localNotebooks.set(notebook.id, await notebooks.copyOf(notebook.id))
    return {
      articles: local,
      sources: sources.copyAll(),
      notebooks: localNotebooks,
      tombstones: [...articles.tombstones(), ...notebooks.tombstones()]
    }
  }

  async #write(plan: MergePlan): Promise<void> {
    const { articles, files, index, sources, notebooks, workspace, recount } = this.#parts
    // Loaded (or rebuilt) before the new files exist, so a rebuild never reads them all.
    await index.ready()
    await inBatches(
      plan.articles.filter((entry) => entry.added),
      ({ records }) => articles.writeBody(records.article.textSha256, records.text)
    )
    const written = await inBatches(plan.articles, async ({ records, added }) => {
      const meta = records.article
      const data: AnnotationFile = {
        format: FORMAT_VERSION,
        articleId: meta.id,
        textSha256: meta.textSha256,
        annotations: records.annotations,
        claims: records.claims,
        links: records.links,
        tombstones: records.tombstones,
        ...(records.articleNote ? { articleNote: records.articleNote } : {}),
        ...(records.rejectedSuggestions ? { rejectedSuggestions: records.rejectedSuggestions } : {})
      }
      await files.replace(meta, data, { keep: !added })
      return { meta, data }
    })
    await articles.putRestored(written.map(({ meta }) => meta))
    for (const { meta, data } of written) {
      index.putArticle(meta.id, data)
      // A backup's counts are only what it says; the records decide.
      recount(meta.id, data)
    }
    if (plan.sources) await sources.replaceAll(plan.sources)
    const revived = new Set(plan.revived)
    await notebooks.putRestored(plan.notebooks, plan.tombstones, revived)
    await articles.addTombstones(
      plan.tombstones.filter((t) => t.kind === 'article'),
      revived
    )
    if (plan.workspace) await workspace.save(plan.workspace)
  }
}

/** Runs `write` on each item, a few at a time; the results come back in the items' order. */
async function inBatches<T, R>(items: readonly T[], write: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += WRITES_IN_FLIGHT)
    results.push(...(await Promise.all(items.slice(i, i + WRITES_IN_FLIGHT).map(write))))
  return results
}

function now(): string {
  return new Date().toISOString()
}
