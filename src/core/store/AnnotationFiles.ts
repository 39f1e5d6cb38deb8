import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ArticleMeta } from '../../shared/article'
import { DossierError } from '../../shared/result'
import { commitChange } from './commitChange'
import { DurableJsonFile } from './DurableJsonFile'
import type { AnnotationFile } from './files'
import { AnnotationFile as AnnotationFileSchema, FORMAT_VERSION } from './files'
import { annotationMigrations } from './migrations'
import type { RecoveryHost } from './readRecovering'
import { readRecovering } from './readRecovering'
import { salvageAnnotationFile } from './salvageAnnotationFile'

/**
 * `annotations/<articleId>.json`: one lowdb file per article holding its highlights, claims
 * and outgoing links, loaded on first use and kept. Saving any of them rewrites one file.
 */
export class AnnotationFiles {
  readonly #dir: string
  readonly #recovery: RecoveryHost
  readonly #open = new Map<string, Promise<Low<AnnotationFile>>>()

  constructor(dataDir: string, recovery: RecoveryHost) {
    this.#dir = join(dataDir, 'annotations')
    this.#recovery = recovery
  }

  get dir(): string {
    return this.#dir
  }

  path(articleId: string): string {
    return join(this.#dir, `${articleId}.json`)
  }

  /**
   * The article's file, loaded once. A damaged one is moved aside and restored from the
   * newest backup, with every entry still readable in it; without a backup, changes to
   * the article wait until the analyst acknowledges the problem.
   */
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
    await readRecovering(file, this.#recovery, {
      what: `the highlights, claims and notes of “${article.title}”`,
      salvage: salvageAnnotationFile,
      blocks: { articleId: article.id }
    })
    return file
  }

  /**
   * A copy of the article's file as stored, in the schema's field order: the loaded file's
   * data if it is open (so nothing saved a moment ago is missed), else read from disk
   * without keeping it.
   */
  async copyOf(article: ArticleMeta): Promise<AnnotationFile> {
    const open = this.#open.get(article.id)
    if (open) return AnnotationFileSchema.parse((await open).data)
    return (await this.load(article)).data
  }

  /**
   * Writes a restored file whole. With `keep` (an article the library already had) through
   * the loaded file, so it stays the one in memory; else straight to disk, not kept.
   */
  async replace(
    article: ArticleMeta,
    data: AnnotationFile,
    { keep }: { keep: boolean }
  ): Promise<void> {
    if (keep || this.#open.has(article.id)) {
      const file = await this.get(article)
      const before = file.data
      file.data = data
      await commitChange(file, () => (file.data = before))
      return
    }
    await new DurableJsonFile(this.path(article.id), AnnotationFileSchema, annotationMigrations)
      .write(data)
      .catch((error: unknown) => {
        throw new DossierError(
          'io',
          `Could not save ${this.path(article.id)} (${(error as Error).message}); the restore stopped there.`,
          { cause: error }
        )
      })
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
