import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { OWNER_ONLY_FILE } from './ownerOnly'
import { storeFileSystem } from './storeFileSystem'

/** Errors Windows reports while an indexer, antivirus or sync client holds the file. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES'])
/**
 * How long a rename is retried on those errors. Saves queue behind it, so it is kept to a
 * few seconds: longer, and the analyst is better told "not saved" and retries.
 */
const RENAME_RETRY_MS = 5000

/**
 * The new content is in place, but the folder could not be synced: a power loss now could
 * bring back the old file. The change is not undone (it is what the file holds); the
 * caller says so.
 */
export class UnsyncedFolderError extends Error {
  readonly target: string

  constructor(target: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.target = target
  }
}

/**
 * Replaces `target` so that after a crash or power loss it holds either the old or the
 * new complete content: unique temp file in the same folder, write, fsync, rename over
 * the target, fsync the folder. Resolves only once all of that is done. On any failure
 * before the rename the temp file is removed and the target is untouched.
 */
export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  const fs = storeFileSystem()
  const folder = dirname(target)
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  // rename() keeps the temp file's mode: the target ends up owner-only too.
  const handle = await fs.create(temp, OWNER_ONLY_FILE)
  try {
    try {
      await handle.write(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, target)
  } catch (error) {
    await fs.remove(temp).catch(() => undefined)
    throw error
  }
  try {
    await fs.syncFolder(folder)
  } catch (error) {
    throw new UnsyncedFolderError(
      target,
      `${target} was written, but its folder could not be synced (${(error as Error).message})`,
      { cause: error }
    )
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  const deadline = Date.now() + RENAME_RETRY_MS
  for (let delay = 10; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await storeFileSystem().rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!TRANSIENT_RENAME_ERRORS.has(code) || Date.now() > deadline) throw error
      await sleep(delay)
    }
  }
}

/** Makes a rename or creation in `folder` durable. */
export function syncFolder(folder: string): Promise<void> {
  return storeFileSystem().syncFolder(folder)
}
