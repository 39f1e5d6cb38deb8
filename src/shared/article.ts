import { z } from 'zod'

/** Where an article's text came from, kept as evidence of provenance. */
export const ArticleOrigin = z.object({
  kind: z.enum(['file', 'paste']),
  fileName: z.string().optional(),
  filePath: z.string().optional(),
  /** SHA-256 of the original bytes, before decoding. */
  byteSha256: z.string().regex(/^[0-9a-f]{64}$/),
  byteLength: z.number().int().nonnegative(),
  encoding: z.string(),
  /** 0–1; 1 when the encoding was certain (BOM, valid UTF-8) or chosen by the user. */
  encodingConfidence: z.number().min(0).max(1),
  format: z.enum(['text', 'markdown', 'html']),
  modifiedAt: z.string().optional(),
  importerVersion: z.string()
})
export type ArticleOrigin = z.infer<typeof ArticleOrigin>

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

export const ArticleMeta = ArticleFields.extend({
  id: z.string().min(1),
  /** SHA-256 of the stored (normalised) text: the article's identity and body file name. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  textLength: z.number().int().nonnegative(),
  origin: ArticleOrigin,
  importedAt: z.string(),
  updatedAt: z.string(),
  /** Set while the article is in the Trash. */
  deletedAt: z.string().optional(),
  counts: z.object({
    highlights: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative()
  })
})
export type ArticleMeta = z.infer<typeof ArticleMeta>

export interface Article extends ArticleMeta {
  /** The stored text, exactly; every annotation offset counts UTF-16 code units in it. */
  text: string
}
