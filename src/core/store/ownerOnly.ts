import { chmod, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { storeFileSystem } from './storeFileSystem'

/**
 * A library holds what the analyst read and wrote: no other local user may read it,
 * whatever the umask. Files are created 0600 and folders 0700 (Windows ignores both).
 */
export const OWNER_ONLY_FILE = 0o600
export const OWNER_ONLY_FOLDER = 0o700

/**
 * Creates `folder` (and any missing parent) readable by its owner only, and tightens it
 * if an earlier version made it under a usual umask (0755), so files already in it are
 * out of other users' reach too.
 */
export async function makeOwnerOnlyFolder(folder: string): Promise<void> {
  const created = await mkdir(folder, { recursive: true, mode: OWNER_ONLY_FOLDER })
  // A new folder survives a power loss only once its parent is synced.
  if (created !== undefined) await storeFileSystem().syncFolder(dirname(folder))
  if (process.platform === 'win32') return
  await chmod(folder, OWNER_ONLY_FOLDER).catch((error: NodeJS.ErrnoException) => {
    // Someone else's folder that we may still write to: leave its mode to its owner.
    if (error.code !== 'EPERM') throw error
  })
}
