import { z } from 'zod'
import { ClaimStatus } from './claim'

/**
 * Search across the library: what a query may ask for and what it finds. The core's index
 * (src/core/search) produces these; the API, the CLI and the search panel show them.
 */

/** What can be searched, as the `--kind` option and the kind filter name it. */
export const SEARCH_KINDS = ['article', 'highlight', 'claim', 'note', 'notebook', 'source'] as const
export const SearchKind = z.enum(SEARCH_KINDS)
export type SearchKind = z.infer<typeof SearchKind>

/** The longest query the API takes. */
export const MAX_QUERY_CHARS = 1000

/** An ISO time as the import date filter takes it (a date alone is midnight UTC). */
const IsoTime = z
  .string()
  .max(40)
  .pipe(
    z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'must be an ISO date (2026-01-31) or time (2026-01-31T09:00:00Z)'
    })
  )

/** The API's input: a query and its filters (see `SearchOptions`). */
export const SearchRequest = z
  .object({
    query: z.string().max(MAX_QUERY_CHARS),
    kinds: z.array(SearchKind).max(SEARCH_KINDS.length).optional(),
    statuses: z.array(ClaimStatus).max(10).optional(),
    tag: z.string().trim().min(1).max(200).optional(),
    sourceId: z.string().min(1).max(128).optional(),
    importedFrom: IsoTime.optional(),
    importedBefore: IsoTime.optional(),
    limit: z.number().int().min(1).max(200).optional()
  })
  .strict()
export type SearchRequest = z.infer<typeof SearchRequest>

/** Where the index stands: loading its file, rebuilding or catching up, or ready. */
export interface SearchProgress {
  state: 'idle' | 'loading' | 'rebuilding' | 'catching-up' | 'ready'
  /** Articles indexed so far and in all, while rebuilding or catching up. */
  done: number
  total: number
}

/** Narrows a search; every filter given must hold. */
export interface SearchFilters {
  kinds?: SearchKind[]
  /** Claims at one of these statuses; other kinds are left out when set. */
  statuses?: ClaimStatus[]
  /** The document's own tags or its article's include this one (case-insensitive). */
  tag?: string
  /** Claims by this claimant, articles from this outlet, and the source itself. */
  sourceId?: string
  /** The article was imported at or after this ISO time; documents in no article are left out. */
  importedFrom?: string
  /** The article was imported before this ISO time. */
  importedBefore?: string
}

export interface SearchOptions extends SearchFilters {
  /** How many groups to return with snippets; 20 by default. */
  limit?: number
}

/** A stretch of a snippet to mark, in UTF-16 units of the snippet. */
export interface MarkRange {
  start: number
  end: number
}

/** The field of a document that a snippet shows. */
export type SnippetField =
  | 'text'
  | 'title'
  | 'source'
  | 'author'
  | 'tags'
  | 'quote'
  | 'note'
  | 'statement'
  | 'claimant'
  | 'name'
  | 'aliases'

/** One document that matched, with the passage to show. */
export interface SearchHit {
  kind: SearchKind
  id: string
  articleId?: string
  field: SnippetField
  /**
   * Where the passage lies in the article text (UTF-16 units, end exclusive): for an article
   * its first matching passage, for a highlight, claim or anchored note its own span.
   * Absent when the match is in metadata or in a document of no article.
   */
  start?: number
  end?: number
  /** About 60 characters either side of the match, on one line; `…` where it was cut. */
  snippet: string
  marks: MarkRange[]
}

/** The hits of one article, or a document of no article on its own. */
export interface SearchGroup {
  articleId?: string
  /** The article's title, or the notebook's title, the source's name, the note's start. */
  title: string
  hits: SearchHit[]
}

export interface SearchResults {
  groups: SearchGroup[]
  /**
   * Groups whose documents contain every term: exact when the query has no phrase, else an
   * upper bound, since phrases are checked against the text only for the groups returned.
   */
  total: number
  /** The index is being built: what is not indexed yet cannot be found. */
  partial: boolean
}

/** What the API's `search` returns: the results and how far the index is. */
export interface SearchAnswer extends SearchResults {
  progress: SearchProgress
}
