import { DossierError } from '../../shared/result'
import { describeZodError } from '../describeZodError'
import { FORMAT_VERSION } from '../store/files'
import type { LibraryRecords } from '../store/LibraryRecords'
import { migrate } from '../store/migrations'
import { BACKUP_KIND, BackupDocument } from './BackupDocument'
import { backupMigrations } from './backupMigrations'
import { checkBackupRecords } from './checkBackupRecords'

export interface ParsedBackup {
  document: BackupDocument
  records: LibraryRecords
  /** The store format the backup was written in. */
  format: number
  migrated: boolean
}

/**
 * Reads a backup, checking everything before anything is stored: JSON, a Dossier backup,
 * of a format this version reads (a newer one is refused, an older one upgraded), of the
 * backup schema's shape, with records that agree with their texts. Every refusal names
 * `name` (the file) and what is wrong.
 */
export function parseBackup(content: string, name = 'The backup'): ParsedBackup {
  let json: unknown
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new DossierError(
      'invalid_input',
      `${name} is not a Dossier backup: it is not valid JSON (${(error as Error).message}).`
    )
  }
  const header = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
  if (header.kind !== BACKUP_KIND)
    throw new DossierError(
      'invalid_input',
      `${name} is not a Dossier backup (it has no "kind": "${BACKUP_KIND}"); export one with dossier export --format json.`
    )
  const format = header.format
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    throw new DossierError('invalid_input', `${name} has no valid format number.`)
  if (format > FORMAT_VERSION)
    throw new DossierError(
      'unsupported',
      `${name} was written by a newer version of Dossier (format ${format}; this version reads formats 1 to ${FORMAT_VERSION}). Update Dossier to restore it; nothing was changed.`
    )
  const upgraded =
    format < FORMAT_VERSION ? migrate(header, FORMAT_VERSION, backupMigrations) : header
  const parsed = BackupDocument.safeParse(upgraded)
  if (!parsed.success)
    throw new DossierError('invalid_input', describeZodError(`${name} is damaged`, parsed.error))
  const { articles, sources, notebooks, tombstones, workspace } = parsed.data
  const records: LibraryRecords = {
    articles,
    sources,
    notebooks,
    tombstones,
    ...(workspace ? { workspace } : {})
  }
  const problem = checkBackupRecords(records)
  if (problem) throw new DossierError('invalid_input', `${name} is damaged: ${problem}.`)
  return { document: parsed.data, records, format, migrated: format < FORMAT_VERSION }
}
