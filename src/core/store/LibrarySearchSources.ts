import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleMeta } from '../../shared/article'
import { docToPlain } from '../../shared/richText'
import type { DocumentRef, SearchDocument } from '../search/SearchDocument'
import type { SearchSources } from '../search/SearchSources'
import type { AnnotationFiles } from './AnnotationFiles'
import type { ArticleStore } from './ArticleStore'
import type { NotebookStore } from './NotebookStore'
import type { SourceRegistry } from './SourceRegistry'

/** stat in parallel batches: one at a time costs ~65 ms at 10,000 articles. */
const STAT_BATCH = 256

interface Stores {
  dataDir: string
  articles: ArticleStore
  files: AnnotationFiles
  sources: SourceRegistry
  notebooks: NotebookStore
}

/**
 * What the search index reads from the library's own stores: an article (metadata and
 * stored text) with its highlights, live claims and note; the registry's live sources and
 * the notebooks outside the Trash. Articles in the Trash are not searchable.
 */
export class LibrarySearchSources implements SearchSources {
  readonly #stores: Stores

  constructor(stores: Stores) {
    this.#stores = stores
  }

  async articleIds(): Promise<string[]> {
    return this.#live().map((article) => article.id)
  }

  async articleDocuments(articleId: string): Promise<SearchDocument[]> {
    const { articles, files, sources } = this.#stores
    const meta = articles.byId(articleId)
    if (!meta || meta.deletedAt !== undefined) return []
    const text = await articles.readBody(meta)
    const file = await files.copyOf(meta)
    const docs: SearchDocument[] = [
      {
        kind: 'article',
        id: meta.id,
        title: meta.title,
        ...(meta.source ? { source: meta.source } : {}),
        ...(meta.author ? { author: meta.author } : {}),
        tags: meta.tags,
        ...outletOf(meta, sources),
        importedAt: meta.importedAt,
        text
      }
    ]
    for (const highlight of file.annotations)
      docs.push({
        kind: 'highlight',
        id: highlight.id,
        articleId,
        start: highlight.position.start,
        end: highlight.position.end,
        quote: highlight.quote.exact,
        note: docToPlain(highlight.note)
      })
    for (const claim of file.claims) {
      if (claim.deletedAt !== undefined) continue
      const claimant = claim.sourceId ? sources.byId(claim.sourceId)?.name : undefined
      docs.push({
        kind: 'claim',
        id: claim.id,
        articleId,
        start: claim.position.start,
        end: claim.position.end,
        quote: claim.quote.exact,
        statement: [claim.statement, docToPlain(claim.note)].filter(Boolean).join('\n'),
        ...(claimant ? { claimant } : {}),
        ...(claim.sourceId ? { sourceId: claim.sourceId } : {}),
        status: claim.status,
        tags: claim.tags
      })
    }
    const note = file.articleNote && docToPlain(file.articleNote.doc)
    if (note) docs.push({ kind: 'note', id: file.articleNote!.id, articleId, text: note })
    return docs
  }

  async looseDocuments(): Promise<SearchDocument[]> {
    const { sources, notebooks } = this.#stores
    const docs: SearchDocument[] = sources.list().map((source) => ({
      kind: 'source',
      id: source.id,
      name: source.name,
      aliases: source.aliases
    }))
    for (const meta of notebooks.list()) {
      const doc = await this.#notebook(meta.id)
      if (doc) docs.push(doc)
    }
    return docs
  }

  async changedSince(since: number): Promise<{ articleIds: string[]; loose: boolean }> {
    const { dataDir, files } = this.#stores
    const changed = new Set<string>()
    const live = this.#live()
    for (const article of live) if (Date.parse(article.updatedAt) >= since) changed.add(article.id)
    for (let i = 0; i < live.length; i += STAT_BATCH) {
      const batch = live.slice(i, i + STAT_BATCH)
      const times = await Promise.all(batch.map((article) => mtime(files.path(article.id))))
      batch.forEach((article, j) => times[j]! >= since && changed.add(article.id))
    }
    const notebookFiles = await readdir(join(dataDir, 'notebooks')).catch(() => [])
    const looseTimes = await Promise.all(
      [
        'sources.json',
        'notebooks.json',
        ...notebookFiles.map((name) => join('notebooks', name))
      ].map((name) => mtime(join(dataDir, name)))
    )
    return { articleIds: [...changed], loose: looseTimes.some((time) => time >= since) }
  }

  async readText(articleId: string): Promise<string | undefined> {
    const meta = this.#stores.articles.byId(articleId)
    if (!meta || meta.deletedAt !== undefined) return undefined
    return this.#stores.articles.readBody(meta).catch(() => undefined)
  }

  async readDocument(ref: DocumentRef): Promise<SearchDocument | undefined> {
    if (ref.kind === 'notebook') return this.#notebook(ref.id)
    if (ref.kind === 'source') {
      const source = this.#stores.sources.byId(ref.id)
      if (!source || source.deletedAt !== undefined) return undefined
      return { kind: 'source', id: source.id, name: source.name, aliases: source.aliases }
    }
    if (ref.articleId === undefined) return undefined
    const docs = await this.articleDocuments(ref.articleId)
    return docs.find((doc) => doc.kind === ref.kind && doc.id === ref.id)
  }

  #live(): ArticleMeta[] {
    return this.#stores.articles.all().filter((article) => article.deletedAt === undefined)
  }

  async #notebook(id: string): Promise<SearchDocument | undefined> {
    const notebook = await this.#stores.notebooks.get(id).catch(() => undefined)
    if (!notebook || notebook.deletedAt !== undefined) return undefined
    return { kind: 'notebook', id, title: notebook.title, text: docToPlain(notebook.doc) }
  }
}

/** The registry's source for the article's outlet, when its name or an alias matches. */
function outletOf(meta: ArticleMeta, sources: SourceRegistry): { sourceId?: string } {
  const outlet = meta.source ? sources.findByName(meta.source) : undefined
  return outlet ? { sourceId: outlet.id } : {}
}

function mtime(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => 0
  )
}
