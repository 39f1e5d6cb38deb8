import type { ArticleMeta } from '../../../shared/article'

/** Where a quoted passage's article is now, and what to call it. */
export interface ResolvedPassage {
  /** The article's title today; the title it had when quoted if it is gone. */
  title: string
  where: 'library' | 'trash' | 'deleted'
}

/** The library's articles by id, the live ones and the Trash's. */
export interface ArticleDirectory {
  live: ReadonlyMap<string, ArticleMeta>
  trashed: ReadonlyMap<string, ArticleMeta>
}

/**
 * What a quote says about its article: the live title (it may have been renamed since),
 * whether it is in the Trash, or that it was deleted for good.
 */
export function resolvePassage(
  quote: { articleId: string; title: string },
  articles: ArticleDirectory
): ResolvedPassage {
  const live = articles.live.get(quote.articleId)
  if (live) return { title: live.title, where: 'library' }
  const trashed = articles.trashed.get(quote.articleId)
  if (trashed) return { title: trashed.title, where: 'trash' }
  return { title: quote.title, where: 'deleted' }
}
