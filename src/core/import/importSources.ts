import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { ImportBatch } from './ImportBatch'
import type { ImportSource } from './prepareArticle'
import { prepareArticle } from './prepareArticle'

/** Imports each source on its own: a refused file never stops the rest of the batch. */
export async function importSources(
  library: Library,
  sources: Iterable<ImportSource>
): Promise<ImportOutcome[]> {
  const batch = new ImportBatch(library)
  for (const source of sources) await batch.add(source.name, () => prepareArticle(source))
  return batch.flush()
}
