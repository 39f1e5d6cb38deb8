import { rm } from 'node:fs/promises'
import { join } from 'node:path'

/** `dossier.lock[.takeover].<pid>.<hex>.tmp`: a lock being taken or moved aside by `pid`. */
const LOCK_TEMP = /^dossier\.lock(?:\.takeover)?\.(\d+)\.[0-9a-f]+\.tmp$/

/**
 * Removes the temp files of writes a killed process never finished (`.<name>.<hex>.tmp`,
 * as writeFileDurable names them), and the lock temp files of processes that are gone
 * (a live one may be racing for the lock this moment). Only safe while holding the lock.
 */
export async function removeStrayTempFiles(folder: string, names: string[]): Promise<void> {
  for (const name of names) {
    const lockTemp = LOCK_TEMP.exec(name)
    const stray = lockTemp
      ? !isRunning(Number(lockTemp[1]))
      : name.startsWith('.') && name.endsWith('.tmp')
    if (stray) await rm(join(folder, name), { force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
