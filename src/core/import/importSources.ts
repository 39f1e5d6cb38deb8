import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { ImportRefusal } from './ImportRefusal'
import type { ImportSource } from './prepareArticle'
import { prepareArticle } from './prepareArticle'

/** Imports each source on its own: a refused file never stops the rest of the batch. */
export async function importSources(
  library: Library,
  sources: Iterable<ImportSource>
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const source of sources) outcomes.push(await importSource(library, source))
  return outcomes
}

export async function importSource(library: Library, source: ImportSource): Promise<ImportOutcome> {
  try {
    const added = await library.addArticle(prepareArticle(source))
    return added.status === 'imported'
      ? { status: 'imported', name: source.name, article: added.article }
      : {
          status: 'duplicate',
          name: source.name,
          articleId: added.article.id,
          title: added.article.title
        }
  } catch (error) {
    if (error instanceof ImportRefusal)
      return { status: 'refused', name: source.name, reason: error.reason, message: error.message }
    throw error
  }
}
