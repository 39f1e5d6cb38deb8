import type { ImportOutcome } from '../../shared/importing'
import type { Library } from '../store/Library'
import { importSource } from './importSources'
import { readImportPaths } from './readImportPaths'

/** Imports files and folders from disk, one outcome per file found. */
export async function importPathSources(
  library: Library,
  paths: string[],
  options: { maxBytes?: number; encoding?: string } = {}
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for await (const source of readImportPaths(paths, options)) {
    if ('refusal' in source) {
      outcomes.push({
        status: 'refused',
        name: source.name,
        reason: source.refusal.reason,
        message: source.refusal.message
      })
    } else {
      outcomes.push(await importSource(library, source))
    }
  }
  return outcomes
}
