import type { ArticleFacts, StoredFields } from './IndexEntry'
import type { SearchFilters } from './SearchResults'

/** Whether an index entry passes every filter; anchored kinds are judged by their article too. */
export function matchesFilters(
  stored: StoredFields,
  filters: SearchFilters,
  articles: ReadonlyMap<string, ArticleFacts>
): boolean {
  const kind = stored.k
  if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(kind)) return false
  if (filters.statuses && filters.statuses.length > 0)
    if (kind !== 'claim' || !stored.st || !filters.statuses.includes(stored.st)) return false
  const article = stored.a === undefined ? undefined : articles.get(stored.a)
  if (filters.tag !== undefined) {
    const wanted = filters.tag.toLowerCase()
    const tags = [...(stored.tg ?? []), ...(article?.tags ?? [])]
    if (!tags.some((tag) => tag.toLowerCase() === wanted)) return false
  }
  if (filters.sourceId !== undefined) {
    const sourceId = kind === 'article' ? article?.sourceId : stored.src
    if (sourceId !== filters.sourceId) return false
  }
  if (filters.importedFrom !== undefined || filters.importedBefore !== undefined) {
    if (!article) return false
    if (filters.importedFrom !== undefined && article.importedAt < filters.importedFrom)
      return false
    if (filters.importedBefore !== undefined && article.importedAt >= filters.importedBefore)
      return false
  }
  return true
}
