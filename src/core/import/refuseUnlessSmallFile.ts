import type { Stats } from 'node:fs'
import { ImportRefusal } from './ImportRefusal'

/**
 * Refuses anything but a regular file of at most `maxBytes`, from its `stat` alone, before
 * a byte is read: FIFOs, sockets and devices may never end or never answer, and a huge
 * file would exhaust memory.
 */
export function refuseUnlessSmallFile(
  path: string,
  info: Pick<
    Stats,
    'isFile' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'size'
  >,
  maxBytes: number
): void {
  if (!info.isFile()) {
    const kind = info.isFIFO()
      ? 'a named pipe (FIFO)'
      : info.isSocket()
        ? 'a socket'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : 'not a regular file'
    throw new ImportRefusal('not_a_file', `${path}: ${kind}; only regular files are imported.`)
  }
  if (info.size > maxBytes) {
    throw new ImportRefusal(
      'too_large',
      `${path}: ${info.size} bytes is over the import limit of ${limitText(maxBytes)}.`
    )
  }
}

function limitText(bytes: number): string {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10
  return megabytes >= 1 ? `${bytes} bytes (${megabytes} MB)` : `${bytes} bytes`
}
