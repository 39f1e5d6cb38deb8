import type { Stats } from 'node:fs'
import { lstat, readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DEFAULT_MAX_IMPORT_BYTES } from '../../shared/importing'
import { ImportRefusal } from './ImportRefusal'
import type { ImportSource } from './prepareArticle'
import { readRegularFile } from './readRegularFile'
import { refusalForError } from './refusalForError'
import { refuseUnlessSmallFile } from './refuseUnlessSmallFile'

export type PathSource = ImportSource | { name: string; refusal: ImportRefusal }

export interface ReadImportOptions {
  /** Files larger than this are refused from their size, unread. */
  maxBytes?: number
  /** Decode every file with this encoding instead of detecting one. */
  encoding?: string
}

/**
 * Walks files and folders (recursively, in name order, skipping hidden names) and reads
 * each regular file, one at a time so memory holds one file. Symbolic links are followed
 * to the file or folder they name; a dangling link or a loop is refused with its own
 * message, and a folder reached twice (a link back up the tree) is walked once.
 */
export async function* readImportPaths(
  paths: string[],
  { maxBytes = DEFAULT_MAX_IMPORT_BYTES, encoding }: ReadImportOptions = {}
): AsyncGenerator<PathSource> {
  const walked = new Set<string>()
  for (const path of paths) yield* readPath(resolve(path), { maxBytes, encoding, walked })
}

interface Walk {
  maxBytes: number
  encoding: string | undefined
  /** `dev:ino` of every folder walked so far. */
  walked: Set<string>
}

async function* readPath(path: string, walk: Walk): AsyncGenerator<PathSource> {
  let info: Stats
  try {
    info = await followLink(path)
  } catch (error) {
    yield {
      name: path,
      refusal: error instanceof ImportRefusal ? error : refusalForError(path, error)
    }
    return
  }
  if (info.isDirectory()) {
    const key = `${info.dev}:${info.ino}`
    if (walk.walked.has(key)) return
    walk.walked.add(key)
    let names: string[]
    try {
      names = await readdir(path)
    } catch (error) {
      yield { name: path, refusal: refusalForError(path, error) }
      return
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      yield* readPath(join(path, name), walk)
    }
    return
  }
  try {
    refuseUnlessSmallFile(path, info, walk.maxBytes)
    const { bytes, modifiedAt } = await readRegularFile(path, walk.maxBytes)
    yield {
      name: path,
      path,
      bytes,
      modifiedAt,
      ...(walk.encoding ? { encoding: walk.encoding } : {})
    }
  } catch (error) {
    yield {
      name: path,
      refusal: error instanceof ImportRefusal ? error : refusalForError(path, error)
    }
  }
}

/** `lstat`, then `stat` through a link: a dangling link and a loop each get their own refusal. */
async function followLink(path: string): Promise<Stats> {
  const info = await lstat(path)
  if (!info.isSymbolicLink()) return info
  try {
    return await stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ImportRefusal(
        'dangling_symlink',
        `${path}: a symbolic link to something that no longer exists.`
      )
    }
    throw error
  }
}
