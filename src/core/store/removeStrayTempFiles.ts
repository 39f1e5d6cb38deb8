import { rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Removes the temp files of writes a killed process never finished (`.<name>.<hex>.tmp`,
 * as writeFileDurable names them). Only safe while holding the library's lock.
 */
export async function removeStrayTempFiles(folder: string, names: string[]): Promise<void> {
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith('.tmp')) await rm(join(folder, name), { force: true })
  }
}
