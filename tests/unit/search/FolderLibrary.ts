import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ArticleDocument,
  DocumentRef,
  SearchDocument
} from '../../../src/core/search/SearchDocument'
import type { SearchSources } from '../../../src/core/search/SearchSources'

/**
 * A library as small as the search needs, in real files, the way the store keeps one: an
 * article's text and metadata, one file of what is anchored in each article, one of the
 * documents of no article. Changes are found by file times, as the store finds them.
 */
export class FolderLibrary implements SearchSources {
  private constructor(readonly dir: string) {}

  static async create(): Promise<FolderLibrary> {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-search-'))
    await mkdir(join(dir, 'articles'))
    await mkdir(join(dir, 'anchored'))
    return new FolderLibrary(dir)
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true })
  }

  /** Saves a document as the store would, before telling the index. */
  async save(doc: SearchDocument): Promise<void> {
    if (doc.kind === 'article') {
      const { text, ...meta } = doc
      await writeFile(this.#path('articles', `${doc.id}.txt`), text)
      await writeFile(this.#path('articles', `${doc.id}.json`), JSON.stringify(meta))
      return
    }
    const articleId = 'articleId' in doc ? doc.articleId : undefined
    const file = articleId === undefined ? this.#path('loose.json') : this.#anchoredFile(articleId)
    const docs = (await readJson<SearchDocument[]>(file)) ?? []
    const kept = docs.filter((d) => d.kind !== doc.kind || d.id !== doc.id)
    await writeFile(file, JSON.stringify([...kept, doc]))
  }

  /** Dates every file an hour back, as if saved long before the index was last written. */
  async age(): Promise<void> {
    const past = new Date(Date.now() - 3_600_000)
    for (const folder of ['articles', 'anchored']) {
      for (const name of await readdir(this.#path(folder)))
        await utimes(this.#path(folder, name), past, past)
    }
    await utimes(this.#path('loose.json'), past, past).catch(() => undefined)
  }

  /** Deletes a document; an article with everything anchored in it. */
  async delete(ref: DocumentRef): Promise<void> {
    if (ref.kind === 'article') {
      await rm(this.#path('articles', `${ref.id}.txt`), { force: true })
      await rm(this.#path('articles', `${ref.id}.json`), { force: true })
      await rm(this.#anchoredFile(ref.id), { force: true })
      return
    }
    const file =
      ref.articleId === undefined ? this.#path('loose.json') : this.#anchoredFile(ref.articleId)
    const docs = (await readJson<SearchDocument[]>(file)) ?? []
    await writeFile(
      file,
      JSON.stringify(docs.filter((d) => d.kind !== ref.kind || d.id !== ref.id))
    )
  }

  async articleIds(): Promise<string[]> {
    const names = await readdir(this.#path('articles'))
    return names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5))
  }

  async articleDocuments(articleId: string): Promise<SearchDocument[]> {
    const meta = await readJson<Omit<ArticleDocument, 'text'>>(
      this.#path('articles', `${articleId}.json`)
    )
    const text = await this.readText(articleId)
    if (!meta || text === undefined) return []
    return [
      { ...meta, text },
      ...((await readJson<SearchDocument[]>(this.#anchoredFile(articleId))) ?? [])
    ]
  }

  async looseDocuments(): Promise<SearchDocument[]> {
    return (await readJson<SearchDocument[]>(this.#path('loose.json'))) ?? []
  }

  async changedSince(since: number): Promise<{ articleIds: string[]; loose: boolean }> {
    const changed = async (path: string): Promise<boolean> =>
      stat(path).then(
        (info) => info.mtimeMs >= since,
        () => false
      )
    const articleIds: string[] = []
    for (const id of await this.articleIds())
      if (
        (await changed(this.#path('articles', `${id}.json`))) ||
        (await changed(this.#anchoredFile(id)))
      )
        articleIds.push(id)
    return { articleIds, loose: await changed(this.#path('loose.json')) }
  }

  readText(articleId: string): Promise<string | undefined> {
    return readFile(this.#path('articles', `${articleId}.txt`), 'utf8').catch(() => undefined)
  }

  async readDocument(ref: DocumentRef): Promise<SearchDocument | undefined> {
    const file =
      ref.articleId === undefined ? this.#path('loose.json') : this.#anchoredFile(ref.articleId)
    const docs = (await readJson<SearchDocument[]>(file)) ?? []
    return docs.find((doc) => doc.kind === ref.kind && doc.id === ref.id)
  }

  #anchoredFile(articleId: string): string {
    return this.#path('anchored', `${articleId}.json`)
  }

  #path(...parts: string[]): string {
    return join(this.dir, ...parts)
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return undefined
  }
}

/** An article document with the fields tests do not care about filled in. */
export function article(
  id: string,
  title: string,
  text: string,
  extra: Partial<ArticleDocument> = {}
): ArticleDocument {
  return {
    kind: 'article',
    id,
    title,
    tags: [],
    importedAt: '2026-01-15T09:00:00.000Z',
    text,
    ...extra
  }
}
