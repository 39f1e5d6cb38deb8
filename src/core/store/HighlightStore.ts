import { randomUUID } from 'node:crypto'
import type { Annotation } from '../../shared/annotation'
import type { ParsedInputOf } from '../../shared/api'
import { DossierError } from '../../shared/result'
import { EMPTY_DOC } from '../../shared/richText'
import type { AnnotationFiles } from './AnnotationFiles'
import type { ArticleStore } from './ArticleStore'
import { anchorPassage } from './anchorPassage'
import { commitChange } from './commitChange'
import type { AnnotationFile } from './files'

/** Highlights: coloured passages, stored in their article's annotation file. */
export class HighlightStore {
  readonly #articles: ArticleStore
  readonly #files: AnnotationFiles
  readonly #recount: (articleId: string, file: AnnotationFile) => void

  constructor(
    articles: ArticleStore,
    files: AnnotationFiles,
    recount: (articleId: string, file: AnnotationFile) => void
  ) {
    this.#articles = articles
    this.#files = files
    this.#recount = recount
  }

  async list(articleId: string): Promise<Annotation[]> {
    const file = await this.#files.get(this.#articles.find(articleId))
    return [...file.data.annotations].sort(
      (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
    )
  }

  /**
   * Highlights `start`–`end` of the stored text. `id` is given only when undo re-creates a
   * deleted highlight; its tombstone then goes.
   */
  async create(input: ParsedInputOf<'createAnnotation'>): Promise<Annotation> {
    const article = this.#articles.find(input.articleId)
    const { position, quote } = anchorPassage(
      await this.#articles.readBody(article),
      input,
      article.textLength
    )
    const file = await this.#files.get(article)
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
      note: input.note ?? EMPTY_DOC,
      createdAt: now,
      updatedAt: now
    }
    const tombstones = file.data.tombstones
    file.data.annotations.push(annotation)
    file.data.tombstones = tombstones.filter((t) => t.id !== annotation.id)
    await commitChange(file, () => {
      file.data.annotations = file.data.annotations.filter((a) => a !== annotation)
      file.data.tombstones = tombstones
    })
    this.#recount(article.id, file.data)
    return annotation
  }

  async update(input: ParsedInputOf<'updateAnnotation'>): Promise<Annotation> {
    const article = this.#articles.find(input.articleId)
    const file = await this.#files.get(article)
    const annotation = file.data.annotations.find((a) => a.id === input.id)
    if (!annotation)
      throw new DossierError('not_found', `No annotation ${input.id} on article ${article.id}.`)
    const before = { ...annotation }
    if (input.color !== undefined) annotation.color = input.color
    if (input.note !== undefined) annotation.note = input.note
    annotation.updatedAt = new Date().toISOString()
    await commitChange(file, () => Object.assign(annotation, before))
    return annotation
  }

  /** Deletes a highlight, leaving a tombstone. */
  async remove(articleId: string, id: string): Promise<void> {
    const article = this.#articles.find(articleId)
    const file = await this.#files.get(article)
    const removed = file.data.annotations.find((a) => a.id === id)
    if (!removed)
      throw new DossierError('not_found', `No annotation ${id} on article ${article.id}.`)
    const tombstones = file.data.tombstones
    file.data.annotations = file.data.annotations.filter((a) => a !== removed)
    file.data.tombstones = [
      ...tombstones,
      { id, kind: 'annotation', deletedAt: new Date().toISOString() }
    ]
    await commitChange(file, () => {
      file.data.annotations.push(removed)
      file.data.tombstones = tombstones
    })
    this.#recount(article.id, file.data)
  }
}
