import { z } from 'zod'
import { FORMAT_VERSION } from '../store/files'
import { LibraryRecords } from '../store/LibraryRecords'

/** What every Dossier backup says it is, so any other JSON is refused by name. */
export const BACKUP_KIND = 'dossier-backup'

/**
 * A JSON backup: the library's records exactly as its files hold them (articles with their
 * text and evidence, highlights, claims with their audit trails, links, notes, sources with
 * their grade history, notebooks, tombstones and the workspace), under a header naming the
 * store format they are in. Published as `docs/backup.schema.json`.
 */
export const BackupDocument = z
  .object({
    kind: z.literal(BACKUP_KIND),
    /** The store format of the records (see `src/core/store/files.ts`). */
    format: z.literal(FORMAT_VERSION),
    /** The Dossier that wrote it, e.g. "Dossier 0.2.0". */
    generator: z.string(),
    exportedAt: z.string(),
    /** The whole library (with the Trash and the workspace), some articles, or one notebook. */
    scope: z.enum(['library', 'articles', 'notebook'])
  })
  .extend(LibraryRecords.shape)
export type BackupDocument = z.infer<typeof BackupDocument>
