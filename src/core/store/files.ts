import { z } from 'zod'
import { Annotation } from '../../shared/annotation'
import { ArticleMeta } from '../../shared/article'

/**
 * Bumped when a file's shape changes. A file of a newer format is refused without being
 * touched; when this is bumped, a migration from the older formats comes with it.
 */
export const FORMAT_VERSION = 1

/** `library.json`: the metadata of every article, small enough to load at start. */
export const IndexFile = z.object({
  format: z.literal(FORMAT_VERSION),
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
  })
})
export type IndexFile = z.infer<typeof IndexFile>

/** `annotations/<articleId>.json`: one article's annotations, so a save rewrites only them. */
export const AnnotationFile = z.object({
  format: z.literal(FORMAT_VERSION),
  articleId: z.string(),
  textSha256: z.string(),
  annotations: z.array(Annotation)
})
export type AnnotationFile = z.infer<typeof AnnotationFile>
