import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { importSource } from './importSources'
import type { ReadImportOptions } from './readImportPaths'
import { readImportPaths } from './readImportPaths'

/** Imports files and folders from disk, one outcome per file found. */
export async function importPathSources(
  library: Library,
  paths: string[],
  options: ReadImportOptions = {}
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for await (const source of readImportPaths(paths, options)) {
    outcomes.push(
      'refusal' in source
        ? {
            status: 'refused',
            name: source.name,
            reason: source.refusal.reason,
            message: source.refusal.message
          }
        : await importSource(library, source)
    )
  }
  return outcomes
}
