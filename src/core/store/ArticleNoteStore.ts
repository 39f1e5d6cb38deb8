import type { ArticleNote } from '../../shared/notebook'
import type { RichDoc } from '../../shared/richText'
import type { AnnotationFiles } from './AnnotationFiles'
import type { ArticleStore } from './ArticleStore'
import { commitChange } from './commitChange'

/** Each article's own notes document, kept in its annotation file. */
export class ArticleNoteStore {
  readonly #articles: ArticleStore
  readonly #files: AnnotationFiles

  constructor(articles: ArticleStore, files: AnnotationFiles) {
    this.#articles = articles
    this.#files = files
  }

  /** The article's notes, or undefined when none were written yet. */
  async get(articleId: string): Promise<ArticleNote | undefined> {
    const file = await this.#files.get(this.#articles.find(articleId))
    return file.data.articleNote
  }

  async save(articleId: string, doc: RichDoc): Promise<ArticleNote> {
    const article = this.#articles.find(articleId)
    const file = await this.#files.get(article)
    const before = file.data.articleNote
    const now = new Date().toISOString()
    const note: ArticleNote = {
      id: before?.id ?? `note-${article.id}`,
      doc,
      createdAt: before?.createdAt ?? now,
      updatedAt: now
    }
    file.data.articleNote = note
    await commitChange(file, () => {
      if (before) file.data.articleNote = before
      else delete file.data.articleNote
    })
    return note
  }
}
