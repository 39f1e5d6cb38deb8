import { resolve } from 'node:path'
import { defaultDataDir } from '../core/store/defaultDataDir'
import type { HolderKind } from '../core/store/libraryLock'
import { Library } from '../core/store/Library'

/** Opens the library named by `--data`, `DOSSIER_DATA` or the desktop app's default. */
export async function openLibrary(
  data: string | undefined,
  holder: HolderKind,
  { breakLock = false }: { breakLock?: boolean } = {}
): Promise<Library> {
  const library = await Library.open(resolve(data ?? defaultDataDir()), holder, { breakLock })
  for (const notice of library.notices) process.stderr.write(`dossier: ${notice}\n`)
  return library
}
