import { ImportRefusal } from './ImportRefusal'

/** A file-system error while looking at or reading `path`, told the way a user can act on. */
export function refusalForError(path: string, error: unknown): ImportRefusal {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return new ImportRefusal(
        'missing',
        `${path}: no such file (it may have been moved or deleted).`
      )
    case 'EACCES':
    case 'EPERM':
      return new ImportRefusal(
        'unreadable',
        `${path}: permission denied; Dossier may not read this file.`
      )
    case 'ELOOP':
      return new ImportRefusal(
        'symlink_loop',
        `${path}: a symbolic link that leads back to itself (a link loop).`
      )
    case 'EISDIR':
      return new ImportRefusal('not_a_file', `${path}: a folder where a file was expected.`)
    default:
      return new ImportRefusal(
        'unreadable',
        `${path}: could not be read (${code ?? String(error)}).`
      )
  }
}
