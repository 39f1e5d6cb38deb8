import type { SearchDocument } from './SearchDocument'
import type { SnippetField } from './SearchResults'

/** The fields MiniSearch indexes: what is named (title), described (meta), written, noted. */
export const INDEX_FIELDS = ['title', 'meta', 'text', 'note'] as const
export type IndexField = (typeof INDEX_FIELDS)[number]

/** One searchable field of a document. */
export interface DocumentField {
  field: SnippetField
  indexField: IndexField
  text: string
  /**
   * A passage of the article's text (a highlight's or claim's quote): not indexed on its
   * own, since the article's text is; found by the span instead (see `verifyGroup`).
   */
  inArticleText?: true
}

/**
 * The fields of a document, in the order a snippet prefers them. An article's text is left
 * out: the index takes it in chunks (see `chunkText`).
 */
export function documentFields(doc: SearchDocument): DocumentField[] {
  const fields: DocumentField[] = []
  const add = (
    field: SnippetField,
    indexField: IndexField,
    text: string | undefined,
    inArticleText = false
  ): void => {
    if (text)
      fields.push({
        field,
        indexField,
        text,
        ...(inArticleText ? { inArticleText: true as const } : {})
      })
  }
  switch (doc.kind) {
    case 'article':
      add('title', 'title', doc.title)
      add('source', 'meta', doc.source)
      add('author', 'meta', doc.author)
      add('tags', 'meta', doc.tags.join(', '))
      break
    case 'highlight':
      add('quote', 'text', doc.quote, true)
      add('note', 'note', doc.note)
      break
    case 'claim':
      add('quote', 'text', doc.quote, true)
      add('statement', 'note', doc.statement)
      add('claimant', 'meta', doc.claimant)
      add('tags', 'meta', doc.tags.join(', '))
      break
    case 'note':
      add('note', 'note', doc.text)
      break
    case 'notebook':
      add('title', 'title', doc.title)
      add('text', 'text', doc.text)
      break
    case 'source':
      add('name', 'title', doc.name)
      add('aliases', 'meta', doc.aliases.join(', '))
      break
  }
  return fields
}
