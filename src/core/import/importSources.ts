import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { addPrepared } from './addPrepared'
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

/** Imports one file; a refusal is an outcome, any other error is a real failure and thrown. */
export function importSource(library: Library, source: ImportSource): Promise<ImportOutcome> {
  return addPrepared(library, source.name, () => prepareArticle(source).article)
}
