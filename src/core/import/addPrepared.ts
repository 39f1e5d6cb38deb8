import type { ImportOutcome } from '../../shared/importing'
import type { Library, NewArticle } from '../store/Library'
import { ImportRefusal } from './ImportRefusal'

/** Stores what `prepare` returns as one outcome; `prepare` may throw an ImportRefusal. */
export async function addPrepared(
  library: Library,
  name: string,
  prepare: () => NewArticle
): Promise<ImportOutcome> {
  let article: NewArticle
  try {
    article = prepare()
  } catch (error) {
    if (error instanceof ImportRefusal)
      return { status: 'refused', name, reason: error.reason, message: error.message }
    throw error
  }
  const added = await library.addArticle(article)
  return added.status === 'imported'
    ? { status: 'imported', name, article: added.article }
    : { status: 'duplicate', name, articleId: added.article.id, title: added.article.title }
}
