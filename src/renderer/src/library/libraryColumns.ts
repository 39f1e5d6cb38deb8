import type { ArticleSortKey } from '../../../shared/articleWindow'

/** The library table's columns, in order; the core sorts by them (`listArticleWindow`). */
export const COLUMNS: { key: ArticleSortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source' },
  { key: 'author', label: 'Author' },
  { key: 'publishedAt', label: 'Published' },
  { key: 'importedAt', label: 'Imported' },
  { key: 'tags', label: 'Tags' },
  { key: 'highlights', label: 'Highlights', numeric: true },
  { key: 'claims', label: 'Claims', numeric: true }
]
