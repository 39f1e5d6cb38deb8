import { z } from 'zod'
import { Conflicts } from './conflict'

/** Where an article's text came from, kept as evidence of provenance. */
export const ArticleOrigin = z.object({
  /** `recovered`: rebuilt from its stored text after the index was lost; nothing else is known. */
  kind: z.enum(['file', 'paste', 'recovered']),
  fileName: z.string().optional(),
  filePath: z.string().optional(),
  /** SHA-256 of the original bytes, before decoding. */
  byteSha256: z.string(),
  byteLength: z.number(),
  encoding: z.string(),
  /** 0–1; 1 when the encoding was certain (BOM, valid UTF-8) or chosen by the user. */
  encodingConfidence: z.number(),
  format: z.enum(['text', 'markdown', 'html']),
  modifiedAt: z.string().optional(),
  importerVersion: z.string()
})
export type ArticleOrigin = z.infer<typeof ArticleOrigin>

/**
 * A later file (or paste) with exactly the same text as an article already stored: the UTF-16
 * copy of an article imported as UTF-8, the same page saved twice. Kept as evidence beside
 * the first `origin`; the text is stored once.
 */
export const ArticleArrival = ArticleOrigin.extend({
  /** When this copy arrived. */
  arrivedAt: z.string()
})
export type ArticleArrival = z.infer<typeof ArticleArrival>

/** Metadata the analyst can edit after import. */
export const ArticleFields = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(1000),
  source: z.string().max(1000).optional(),
  author: z.string().max(1000).optional(),
  publishedAt: z.string().max(100).optional(),
  url: z.string().max(4000).optional(),
  tags: z.array(z.string().trim().min(1).max(200)).max(200)
})
export type ArticleFields = z.infer<typeof ArticleFields>

/**
 * An article's metadata as stored in the index and sent to the renderer. Checked for shape
 * on every load, so kept to what matters there — types, and the hex names that become file
 * paths; the rules for what an analyst may type are ArticleFields'.
 */
export const ArticleMeta = z.object({
  /** The first 16 hex digits of `textSha256`; names the article's annotation file. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  title: z.string(),
  source: z.string().optional(),
  author: z.string().optional(),
  /** The date as typed (kept whatever it says). */
  publishedAt: z.string().optional(),
  /**
   * `publishedAt` read as a date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; see
   * `shared/publishedDate.ts`), what the library sorts by; absent when not understood.
   */
  publishedDate: z.string().optional(),
  url: z.string().optional(),
  tags: z.array(z.string()),
  /** SHA-256 of the stored (normalised) text: the article's identity and body file name. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  textLength: z.number(),
  origin: ArticleOrigin,
  /** Every later file the same text arrived as, oldest first (library format 3). */
  arrivals: z.array(ArticleArrival).optional(),
  importedAt: z.string(),
  updatedAt: z.string(),
  /** Set while the article is in the Trash. */
  deletedAt: z.string().optional(),
  counts: z.object({ highlights: z.number(), claims: z.number() }),
  /** Versions of its metadata that lost a merge of a backup. */
  conflicts: Conflicts
})
export type ArticleMeta = z.infer<typeof ArticleMeta>

export interface Article extends ArticleMeta {
  /** The stored text, exactly; every annotation offset counts UTF-16 code units in it. */
  text: string
}
