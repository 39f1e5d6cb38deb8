import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/core/store/Library'

/** A scratch folder, removed by `cleanup`. */
export async function tempFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-import-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A real library in its own temp folder, for tests that store and reload. */
export async function tempLibrary(): Promise<{
  library: Library
  dir: string
  reopen: () => Promise<Library>
  cleanup: () => Promise<void>
}> {
  const { dir, cleanup } = await tempFolder()
  const dataDir = join(dir, 'library')
  let library = await Library.open(dataDir, 'test')
  return {
    get library() {
      return library
    },
    dir,
    reopen: async () => {
      await library.close()
      library = await Library.open(dataDir, 'test')
      return library
    },
    cleanup: async () => {
      await library.close()
      await cleanup()
    }
  }
}
