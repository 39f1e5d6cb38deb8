import { z } from 'zod'
import { Annotation } from '../../shared/annotation'
import { ArticleMeta } from '../../shared/article'
import { Claim, ClaimLink, ClaimSummary } from '../../shared/claim'
import { ArticleNote, NotebookMeta } from '../../shared/notebook'
import { RichDoc } from '../../shared/richText'
import { Source } from '../../shared/source'

/**
 * Bumped when a file's shape changes. A file of a newer format is refused without being
 * touched; a file of an older format is upgraded in memory by `migrations.ts` and written
 * in the new format the next time it is saved, so every file on disk is always one whole
 * format or the other.
 *
 * - 1: Dossier 0.1.0 (articles, highlights, workspace).
 * - 2: claims, links, tombstones and rich-text notes in the annotation files; sources.json;
 *   claims-index.json; notebooks.json and notebooks/.
 */
export const FORMAT_VERSION = 2

/**
 * `library.json` alone is a format ahead of the other files:
 * - 3: each article's `publishedDate` (its "Published" read as a date) and `arrivals` (every
 *   later file with the same text, kept as evidence).
 */
export const INDEX_FORMAT = 3

/** What is left of a deleted record that has no record of its own to keep. */
export const Tombstone = z.object({
  id: z.string(),
  kind: z.enum(['article', 'annotation', 'notebook']),
  deletedAt: z.string()
})
export type Tombstone = z.infer<typeof Tombstone>

/** `library.json`: the metadata of every article, small enough to load at start. */
export const IndexFile = z.object({
  format: z.literal(INDEX_FORMAT),
  articles: z.array(ArticleMeta).superRefine((articles, ctx) => {
    const seen = new Set<string>()
    for (const [i, article] of articles.entries()) {
      if (seen.has(article.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate article id ${article.id}`,
          path: [i, 'id']
        })
      seen.add(article.id)
    }
  }),
  /** Articles deleted for good (emptied from the Trash). */
  tombstones: z.array(Tombstone)
})
export type IndexFile = z.infer<typeof IndexFile>

/**
 * `annotations/<articleId>.json`: one article's highlights, claims and the links that start
 * at its claims, so saving any of them rewrites only this file.
 */
export const AnnotationFile = z.object({
  format: z.literal(FORMAT_VERSION),
  articleId: z.string(),
  textSha256: z.string(),
  annotations: z.array(Annotation),
  claims: z.array(Claim),
  links: z.array(ClaimLink),
  /** Deleted highlights. Claims and links keep their records, marked `deletedAt`. */
  tombstones: z.array(Tombstone),
  /** The article's own notes document. */
  articleNote: ArticleNote.optional(),
  /**
   * Keys of the attribution finder's suggestions the analyst rejected, so they are not
   * proposed again. Optional: files written before the finder existed stay valid.
   */
  rejectedSuggestions: z.array(z.string()).optional()
})
export type AnnotationFile = z.infer<typeof AnnotationFile>

/** `notebooks.json`: every notebook's title and dates; each body is a file of its own. */
export const NotebooksFile = z.object({
  format: z.literal(FORMAT_VERSION),
  notebooks: z.array(NotebookMeta),
  /** Notebooks deleted for good (emptied from the Trash). */
  tombstones: z.array(Tombstone)
})
export type NotebooksFile = z.infer<typeof NotebooksFile>

/** `notebooks/<id>.json`: one notebook's body, so saving it rewrites only it. */
export const NotebookBodyFile = z.object({
  format: z.literal(FORMAT_VERSION),
  id: z.string(),
  doc: RichDoc
})
export type NotebookBodyFile = z.infer<typeof NotebookBodyFile>

/** `sources.json`: the registry of claimants, with their grades and grade history. */
export const SourcesFile = z.object({
  format: z.literal(FORMAT_VERSION),
  sources: z.array(Source)
})
export type SourcesFile = z.infer<typeof SourcesFile>

/**
 * `claims-index.json`: derived from the annotation files, so the claims board and links
 * across articles never read 10,000 files. Losing it loses nothing: it is rebuilt.
 */
export const ClaimIndexFile = z.object({
  format: z.literal(FORMAT_VERSION),
  claims: z.array(ClaimSummary),
  links: z.array(ClaimLink)
})
export type ClaimIndexFile = z.infer<typeof ClaimIndexFile>
