import { z } from 'zod'
import type { ArticleMeta } from './article'

/**
 * The library table's view of the articles: which ones (library or Trash, filtered) in which
 * order, and the window of rows it shows. The core sorts and filters its in-memory list, so
 * the renderer receives a page of rows (a few kilobytes) instead of every article's metadata.
 */

/** The columns the library table sorts by. */
export const ARTICLE_SORT_KEYS = [
  'title',
  'source',
  'author',
  'publishedAt',
  'importedAt',
  'tags',
  'highlights',
  'claims'
] as const
export const ArticleSortKey = z.enum(ARTICLE_SORT_KEYS)
export type ArticleSortKey = z.infer<typeof ArticleSortKey>

/** The most rows one window holds: a few screens of the table. */
export const MAX_WINDOW_ROWS = 1000

/**
 * The most article ids one call takes (moving to the Trash, restoring, rows by id, an export's
 * articles): few enough that a call is quick. A larger selection goes in several calls.
 */
export const MAX_IDS_PER_CALL = 10_000

/** The most ids `listArticleIds` checks against the view (`among`) in one call. */
export const MAX_AMONG_IDS = 100_000

/** More articles than any library holds; an offset past the end is an empty window. */
const MAX_OFFSET = 100_000_000

/** What the table lists: which articles, filtered and sorted as its controls say. */
export const ArticleView = z
  .object({
    /** The Trash instead of the library. */
    trash: z.boolean().optional(),
    /** The column sorted by; newest import first when absent. */
    sort: ArticleSortKey.optional(),
    /** With `sort`: the column's order reversed (absent means `importedAt` newest first). */
    descending: z.boolean().optional(),
    /** Words in the title, source, author, published date or a tag (case does not matter). */
    filter: z.string().max(1000).optional(),
    /** Only articles with exactly this tag. */
    tag: z.string().max(200).optional()
  })
  .strict()
export type ArticleView = z.infer<typeof ArticleView>

const Offset = z.number().int().min(0).max(MAX_OFFSET)

/** A window of the view: `limit` rows from `offset`. */
export const ArticleWindowRequest = ArticleView.extend({
  offset: Offset,
  limit: z.number().int().min(0).max(MAX_WINDOW_ROWS)
}).strict()
export type ArticleWindowRequest = z.infer<typeof ArticleWindowRequest>

/** The ids of the view, in its order: all of them, a range, or those of `among` in it. */
export const ArticleIdsRequest = ArticleView.extend({
  offset: Offset.optional(),
  limit: z.number().int().min(0).max(MAX_OFFSET).optional(),
  among: z.array(z.string().min(1).max(128)).max(MAX_AMONG_IDS).optional()
}).strict()
export type ArticleIdsRequest = z.infer<typeof ArticleIdsRequest>

/** One row of the library table: what its columns show, and the id to act on. */
export type ArticleRow = Pick<
  ArticleMeta,
  | 'id'
  | 'title'
  | 'source'
  | 'author'
  | 'publishedAt'
  | 'publishedDate'
  | 'importedAt'
  | 'tags'
  | 'counts'
  | 'deletedAt'
>

/** What `listArticleWindow` returns. */
export interface ArticleWindow {
  offset: number
  rows: ArticleRow[]
  /** How many articles of the view match its filter and tag. */
  matching: number
  /** How many articles the view has before filtering (the library's, or the Trash's). */
  total: number
  /** Articles in the library and in the Trash, whichever the view is. */
  counts: { library: number; trash: number }
  /** Every tag of the view's articles, sorted: what the tag filter offers. */
  tags: string[]
}
