import type { ArticleMeta } from '../../../shared/article'

export type SortKey =
  'title' | 'source' | 'author' | 'publishedAt' | 'importedAt' | 'tags' | 'highlights' | 'claims'

export const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source' },
  { key: 'author', label: 'Author' },
  { key: 'publishedAt', label: 'Published' },
  { key: 'importedAt', label: 'Imported' },
  { key: 'tags', label: 'Tags' },
  { key: 'highlights', label: 'Highlights', numeric: true },
  { key: 'claims', label: 'Claims', numeric: true }
]

function valueOf(article: ArticleMeta, key: SortKey): string | number {
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

/** Sorted by one column; empty values last, ties by title. */
export function sortArticles(
  articles: ArticleMeta[],
  key: SortKey,
  descending: boolean
): ArticleMeta[] {
  const sign = descending ? -1 : 1
  return [...articles].sort((a, b) => {
    const x = valueOf(a, key)
    const y = valueOf(b, key)
    if (x === '' && y !== '') return 1
    if (y === '' && x !== '') return -1
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y))
    return order !== 0 ? sign * order : collator.compare(a.title, b.title)
  })
}
