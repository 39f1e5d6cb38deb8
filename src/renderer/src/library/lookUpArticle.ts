import type { ArticleRow } from '../../../shared/articleWindow'
import { unwrap } from '../transport/unwrap'

/**
 * One article's row, in the library or the Trash; undefined once it was deleted for good.
 * The renderer holds no list of every article: what it needs to know of one, it asks.
 */
export async function lookUpArticle(id: string): Promise<ArticleRow | undefined> {
  const [row] = await unwrap(window.api.getArticleRows({ ids: [id] }))
  return row
}
