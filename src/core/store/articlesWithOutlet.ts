import type { ArticleMeta } from '../../shared/article'
import { sourceKey } from './SourceRegistry'

/**
 * The articles whose outlet (their `source` field) is one of `names`, compared as the
 * registry compares names: the search index links an article to the source of that name
 * or alias, so these are read again when such a source is renamed, merged or deleted.
 */
export function articlesWithOutlet(
  articles: readonly ArticleMeta[],
  names: readonly string[]
): string[] {
  const keys = new Set(names.map(sourceKey))
  if (keys.size === 0) return []
  return articles
    .filter((article) => article.source !== undefined && keys.has(sourceKey(article.source)))
    .map((article) => article.id)
}
