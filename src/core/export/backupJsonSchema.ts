import { z } from 'zod'
import { BackupDocument } from './BackupDocument'

/**
 * The backup's JSON Schema (draft 2020-12), generated from the zod schema restore checks
 * against, so the published one (`docs/backup.schema.json`, kept current by a unit test)
 * can never drift from what Dossier accepts. Notes show as any value: their rules (the
 * editor's nodes and marks, http(s) links, bounded depth) are code, not schema.
 */
export function backupJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BackupDocument, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'urn:dossier:schema:backup',
    title: 'Dossier backup',
    description:
      'A JSON backup written by Dossier (dossier export --format json): the records of a library, or of some of its articles or one notebook, exactly as its store files hold them. Restore with dossier restore FILE [--merge] or Restore from backup… in the app.'
  }
}
