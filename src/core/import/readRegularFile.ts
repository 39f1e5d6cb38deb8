import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { ImportRefusal } from './ImportRefusal'
import { refusalForError } from './refusalForError'
import { refuseUnlessSmallFile } from './refuseUnlessSmallFile'

// O_NONBLOCK: if the path was swapped for a FIFO after it was checked, opening it must
// not wait for a writer. Windows has no such flag and no FIFOs at a path.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Reads a regular file of at most `maxBytes`, checking type and size again on the open
 * handle, so a path swapped for a FIFO or a bigger file after it was listed is refused
 * rather than read. Throws an ImportRefusal naming `path`.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number
): Promise<{ bytes: Uint8Array; modifiedAt: Date }> {
  let handle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    throw refusalForError(path, error)
  }
  try {
    const info = await handle.stat()
    refuseUnlessSmallFile(path, info, maxBytes)
    // One byte of room past the size from stat tells a file that grew while being read.
    const bytes = Buffer.allocUnsafe(info.size + 1)
    let length = 0
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length !== info.size) {
      throw new ImportRefusal(
        'unreadable',
        `${path}: the file changed while it was being read; try again.`
      )
    }
    return { bytes: bytes.subarray(0, length), modifiedAt: info.mtime }
  } catch (error) {
    throw error instanceof ImportRefusal ? error : refusalForError(path, error)
  } finally {
    await handle.close()
  }
}
