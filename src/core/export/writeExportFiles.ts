import { mkdir, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { SavedFile } from '../../shared/exporting'
import { DossierError } from '../../shared/result'
import { writeFileDurable } from '../store/writeFileDurable'

/**
 * Writes an export to disk: one file to `path` (or into `path` when it is a folder), or
 * several into the folder `path` (made if missing), under their sanitised names. Every
 * target is checked before anything is written: an existing file is refused, naming it,
 * unless `force`. Each file is written durably and atomically (the old file or the whole
 * new one, never half). Returns the paths written.
 */
export async function writeExportFiles(
  files: readonly SavedFile[],
  path: string,
  { force = false }: { force?: boolean } = {}
): Promise<string[]> {
  const target = resolve(path)
  const kind = await kindOf(target)
  if (files.length > 1 && kind === 'file')
    throw new DossierError(
      'invalid_input',
      `--out: this export is ${files.length} files; ${target} must be a folder, not a file.`
    )
  const intoFolder = files.length > 1 || kind === 'folder'
  const paths = files.map((file) => {
    // The names are sanitised already; a name is never allowed to climb out of the folder.
    if (basename(file.fileName) !== file.fileName || file.fileName.startsWith('.'))
      throw new DossierError('invalid_input', `Refusing the file name "${file.fileName}".`)
    return intoFolder ? join(target, file.fileName) : target
  })
  if (!force) {
    const existing = []
    for (const candidate of paths)
      if ((await kindOf(candidate)) !== 'none') existing.push(candidate)
    if (existing.length > 0)
      throw new DossierError(
        'refused',
        `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`
      )
  } else {
    const folders = []
    for (const candidate of paths)
      if ((await kindOf(candidate)) === 'folder') folders.push(candidate)
    if (folders.length > 0)
      throw new DossierError('refused', `${folders.join(', ')} is a folder; nothing was written.`)
  }
  if (intoFolder) await mkdir(target, { recursive: true })
  for (const [i, file] of files.entries()) await writeFileDurable(paths[i]!, file.content)
  return paths
}

async function kindOf(path: string): Promise<'none' | 'file' | 'folder'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none'
    throw error
  }
}
