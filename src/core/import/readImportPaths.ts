import { lstat, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DEFAULT_MAX_IMPORT_BYTES } from '../../shared/importing'
import { ImportRefusal } from './ImportRefusal'
import type { ImportSource } from './prepareArticle'

export type PathSource = ImportSource | { name: string; refusal: ImportRefusal }

/**
 * Walks files and folders (recursively, in name order) and reads each regular file.
 * Only regular files are read: FIFOs and devices would hang or never end.
 */
export async function* readImportPaths(
  paths: string[],
  { maxBytes = DEFAULT_MAX_IMPORT_BYTES, encoding }: { maxBytes?: number; encoding?: string } = {}
): AsyncGenerator<PathSource> {
  for (const path of paths) yield* readPath(resolve(path), maxBytes, encoding)
}

async function* readPath(
  path: string,
  maxBytes: number,
  encoding: string | undefined
): AsyncGenerator<PathSource> {
  let info
  try {
    info = await lstat(path)
  } catch (error) {
    yield { name: path, refusal: refusalFor(path, error) }
    return
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort()
    for (const name of names) yield* readPath(join(path, name), maxBytes, encoding)
    return
  }
  if (!info.isFile()) {
    yield { name: path, refusal: new ImportRefusal('not_a_file', `${path}: not a regular file.`) }
    return
  }
  if (info.size > maxBytes) {
    yield {
      name: path,
      refusal: new ImportRefusal(
        'too_large',
        `${path}: ${info.size} bytes is over the ${maxBytes}-byte limit.`
      )
    }
    return
  }
  try {
    const bytes = await readFile(path)
    yield { name: path, path, bytes, modifiedAt: info.mtime, ...(encoding ? { encoding } : {}) }
  } catch (error) {
    yield { name: path, refusal: refusalFor(path, error) }
  }
}

function refusalFor(path: string, error: unknown): ImportRefusal {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new ImportRefusal(
      'missing',
      `${path}: no such file (it may have been moved or deleted).`
    )
  if (code === 'EACCES' || code === 'EPERM')
    return new ImportRefusal('unreadable', `${path}: permission denied.`)
  return new ImportRefusal('unreadable', `${path}: could not be read (${code ?? String(error)}).`)
}
