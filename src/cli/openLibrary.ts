import { resolve } from 'node:path'
import { defaultDataDir } from '../core/store/defaultDataDir'
import type { HolderKind } from '../core/store/libraryLock'
import { Library } from '../core/store/Library'
import { terminalSafe } from './terminalSafe'

/** Opens the library named by `--data`, `DOSSIER_DATA` or the desktop app's default. */
export async function openLibrary(
  data: string | undefined,
  holder: HolderKind,
  { breakLock = false }: { breakLock?: boolean } = {}
): Promise<Library> {
  const library = await Library.open(resolve(data ?? defaultDataDir()), holder, { breakLock })
  const print = (notice: string): void =>
    void process.stderr.write(`dossier: ${terminalSafe(notice)}\n`)
  library.notices.forEach(print)
  // Later ones as they come (a save whose folder could not be synced, a backup refused on
  // quit), not only those of opening.
  library.onNotice(print)
  return library
}
