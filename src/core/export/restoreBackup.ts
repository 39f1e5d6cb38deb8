import type { RestoreSummary } from '../../shared/exporting'
import type { Library } from '../store/Library'
import { parseBackup } from './parseBackup'

/**
 * Restores a JSON backup into `library`: into an empty library exactly, or merged into
 * one that has records (see `mergeLibraryRecords`). The backup is checked whole first, so
 * a refused one changes nothing.
 */
export async function restoreBackup(
  library: Library,
  content: string,
  mode: 'empty' | 'merge',
  name?: string
): Promise<RestoreSummary> {
  const { records, format, migrated } = parseBackup(content, name)
  const summary = await library.records.restore(records, mode)
  return { ...summary, format, migrated }
}
