import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Every file under a library folder with a hash of its content and its mode: equal
 * snapshots before and after a call mean the call changed nothing on disk.
 */
export async function librarySnapshot(dataDir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {}
  for (const name of (await readdir(dataDir, { recursive: true })).sort()) {
    const path = join(dataDir, name)
    const info = await stat(path)
    snapshot[name] = info.isDirectory()
      ? `folder ${info.mode.toString(8)}`
      : `${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')} ${info.mode.toString(8)}`
  }
  return snapshot
}
