import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ArticleMeta } from '../../shared/article'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import type { AnnotationFile } from './files'
import { AnnotationFile as AnnotationFileSchema, FORMAT_VERSION } from './files'
import { annotationMigrations } from './migrations'

/**
 * `annotations/<articleId>.json`: one lowdb file per article holding its highlights, claims
 * and outgoing links, loaded on first use and kept. Saving any of them rewrites one file.
 */
export class AnnotationFiles {
  readonly #dir: string
  readonly #notices: string[]
  readonly #open = new Map<string, Promise<Low<AnnotationFile>>>()

  constructor(dataDir: string, notices: string[]) {
    this.#dir = join(dataDir, 'annotations')
    this.#notices = notices
  }

  get dir(): string {
    return this.#dir
  }

  path(articleId: string): string {
    return join(this.#dir, `${articleId}.json`)
  }

  /** The article's file, loaded once; a damaged one is moved aside and starts empty. */
  get(article: ArticleMeta): Promise<Low<AnnotationFile>> {
    let file = this.#open.get(article.id)
    if (!file) {
      file = this.load(article)
      this.#open.set(article.id, file)
      file.catch(() => this.#open.delete(article.id))
    }
    return file
  }

  /** Reads the file without keeping it (a rebuild reads every file once). */
  async load(article: ArticleMeta): Promise<Low<AnnotationFile>> {
    const adapter = new DurableJsonFile(
      this.path(article.id),
      AnnotationFileSchema,
      annotationMigrations
    )
    const empty: AnnotationFile = {
      format: FORMAT_VERSION,
      articleId: article.id,
      textSha256: article.textSha256,
      annotations: [],
      claims: [],
      links: [],
      tombstones: []
    }
    const file = new Low<AnnotationFile>(adapter, empty)
    try {
      await file.read()
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      this.#notices.push(
        `${error.message} The annotations of "${article.title}" start empty; the damaged file is kept.`
      )
    }
    return file
  }

  /** Deletes an article's file for good (emptying the Trash). */
  async remove(articleId: string): Promise<void> {
    this.#open.delete(articleId)
    await rm(this.path(articleId), { force: true })
  }

  /** Resolves when no write to any loaded file is in flight. */
  async settled(): Promise<void> {
    for (const pending of this.#open.values()) {
      const file = await pending.catch(() => undefined)
      if (file?.adapter instanceof DurableJsonFile) await file.adapter.settled()
    }
  }
}
