import type { ClaimStatus } from '../../shared/claim'
import type { SearchKind } from '../../shared/search'

export { SEARCH_KINDS, type SearchKind } from '../../shared/search'

/** An article: its metadata and its stored text, exactly (offsets count UTF-16 units in it). */
export interface ArticleDocument {
  kind: 'article'
  id: string
  title: string
  source?: string
  author?: string
  tags: string[]
  /** When the article is linked to a source of the registry (its outlet). */
  sourceId?: string
  /** ISO time of import, for the date filter. */
  importedAt: string
  text: string
}

/**
 * A highlight: its passage (`start`–`end` in the article text) and the analyst's note, as
 * plain text (`docToPlain` of the rich note). The quote is found in the article's text, by
 * the span; only the note is indexed.
 */
export interface HighlightDocument {
  kind: 'highlight'
  id: string
  articleId: string
  start: number
  end: number
  quote: string
  note: string
}

/** A claim: its passage, the statement in the analyst's words and who made it. */
export interface ClaimDocument {
  kind: 'claim'
  id: string
  articleId: string
  start: number
  end: number
  quote: string
  /** The proposition in the analyst's words; the quote, as a highlight's, is not indexed. */
  statement: string
  /** The claimant's name, as the registry has it now. */
  claimant?: string
  sourceId?: string
  status: ClaimStatus
  tags: string[]
}

/** A note, free or anchored to a passage of an article; its text plain (`docToPlain`). */
export interface NoteDocument {
  kind: 'note'
  id: string
  articleId?: string
  start?: number
  end?: number
  text: string
}

export interface NotebookDocument {
  kind: 'notebook'
  id: string
  title: string
  text: string
}

/** A claimant of the registry, found by its name or any alias. */
export interface SourceDocument {
  kind: 'source'
  id: string
  name: string
  aliases: string[]
}

/** Everything the index takes; the store maps its records to these. */
export type SearchDocument =
  | ArticleDocument
  | HighlightDocument
  | ClaimDocument
  | NoteDocument
  | NotebookDocument
  | SourceDocument

/** Names one document: `articleId` is set for every kind that lives in an article. */
export interface DocumentRef {
  kind: SearchKind
  id: string
  articleId?: string
}
