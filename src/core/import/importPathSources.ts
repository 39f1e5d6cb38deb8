import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { ImportBatch } from './ImportBatch'
import { prepareArticle } from './prepareArticle'
import type { ReadImportOptions } from './readImportPaths'
import { readImportPaths } from './readImportPaths'

/** Imports files and folders from disk, one outcome per file found, in batches. */
export async function importPathSources(
  library: Library,
  paths: string[],
  options: ReadImportOptions = {}
): Promise<ImportOutcome[]> {
  const batch = new ImportBatch(library)
  for await (const source of readImportPaths(paths, options)) {
    if ('refusal' in source) batch.refuse(source.name, source.refusal)
    else await batch.add(source.name, () => prepareArticle(source))
  }
  return batch.flush()
}
