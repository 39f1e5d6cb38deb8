import type { ArticleMeta } from '../../shared/article'
import type { ArticleSortKey } from '../../shared/articleWindow'

function valueOf(article: ArticleMeta, key: ArticleSortKey): string | number {
  switch (key) {
    case 'highlights':
      return article.counts.highlights
    case 'claims':
      return article.counts.claims
    case 'tags':
      return article.tags.join(', ')
    case 'publishedAt':
      // By the date read from what was typed; one not understood sorts with the empty ones.
      return article.publishedDate ?? ''
    default:
      return article[key] ?? ''
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Sorted by one column as the library table shows it: empty values last, ties by title. */
export function sortArticles(
  articles: readonly ArticleMeta[],
  key: ArticleSortKey,
  descending: boolean
): ArticleMeta[] {
  const sign = descending ? -1 : 1
  // Each value read once: a sort of 10,000 compares about 140,000 pairs.
  const keyed = articles.map((article) => ({ article, value: valueOf(article, key) }))
  keyed.sort((a, b) => {
    const x = a.value
    const y = b.value
    if (x === '' && y !== '') return 1
    if (y === '' && x !== '') return -1
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : key === 'importedAt'
          ? // ISO times order as plain strings, and far faster than through the collator.
            x < y
            ? -1
            : x > y
              ? 1
              : 0
          : collator.compare(String(x), String(y))
    return order !== 0 ? sign * order : collator.compare(a.article.title, b.article.title)
  })
  return keyed.map((entry) => entry.article)
}
