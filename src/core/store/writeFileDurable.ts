import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { OWNER_ONLY_FILE } from './ownerOnly'

/** Errors Windows reports while an indexer, antivirus or sync client holds the file. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_RETRY_MS = 20_000

/**
 * Replaces `target` so that after a crash or power loss it holds either the old or the
 * new complete content: unique temp file in the same folder, write, fsync, rename over
 * the target, fsync the folder. Resolves only once all of that is done.
 */
export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(target)
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  // rename() keeps the temp file's mode: the target ends up owner-only too.
  const handle = await open(temp, 'wx', OWNER_ONLY_FILE)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await renameWithRetry(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncFolder(folder)
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  const deadline = Date.now() + RENAME_RETRY_MS
  for (let delay = 10; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!TRANSIENT_RENAME_ERRORS.has(code) || Date.now() > deadline) throw error
      await sleep(delay)
    }
  }
}

/** Makes a rename in `folder` durable. Windows cannot open folders; NTFS journals renames. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
