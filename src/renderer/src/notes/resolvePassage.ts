/** Where a quoted passage's article is now, and what to call it. */
export interface ResolvedPassage {
  /** The article's title today; the title it had when quoted if it is gone. */
  title: string
  where: 'library' | 'trash' | 'deleted'
}

/**
 * What a quote says about its article: the live title (it may have been renamed since),
 * whether it is in the Trash, or that it was deleted for good.
 */
export function resolvePassage(
  quote: { articleId: string; title: string },
  /** The article as the library has it now; undefined once deleted for good. */
  article: { title: string; deletedAt?: string } | undefined
): ResolvedPassage {
  if (!article) return { title: quote.title, where: 'deleted' }
  return { title: article.title, where: article.deletedAt === undefined ? 'library' : 'trash' }
}
