import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DossierError } from '../../shared/result'
import type { BackupPolicy, BackupStore } from './BackupStore'
import type { ProblemLog } from './ProblemLog'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import { newestValidCopy } from './readRecovering'
import { FORMAT_VERSION } from './files'
import { noMigrations } from './migrations'

/** Bounds of the analyst's backup policy: at least one backup is always kept. */
export const BACKUP_KEEP_RANGE = { min: 1, max: 1000 } as const
export const BACKUP_DAYS_RANGE = { min: 0, max: 3650 } as const

const BackupSettings = z.object({
  recent: z.number().int().min(BACKUP_KEEP_RANGE.min).max(BACKUP_KEEP_RANGE.max),
  days: z.number().int().min(BACKUP_DAYS_RANGE.min).max(BACKUP_DAYS_RANGE.max),
  createdAt: z.string(),
  updatedAt: z.string()
})

export const SettingsFile = z.object({
  format: z.literal(FORMAT_VERSION),
  backups: BackupSettings.optional()
})
type SettingsFile = z.infer<typeof SettingsFile>

/** The part of the backup policy the analyst sets. */
export type BackupRetention = Pick<BackupPolicy, 'recent' | 'days'>

/**
 * `settings.json`: the library's own settings, so the desktop app, the web host and the CLI
 * follow the same ones. For now the backup retention (`dossier backup --keep N --days D`).
 * A damaged file is moved aside (the notice names it) and restored from the newest backup
 * that holds it (`restoreFrom`); without one, the defaults apply.
 */
export class LibrarySettings {
  readonly #file: Low<SettingsFile>
  readonly #adapter: DurableJsonFile<SettingsFile>
  /** Why the file could not be read on open, until it is restored. */
  #damage: DamagedFileError | undefined

  private constructor(file: Low<SettingsFile>, adapter: DurableJsonFile<SettingsFile>) {
    this.#file = file
    this.#adapter = adapter
  }

  static async open(dataDir: string): Promise<LibrarySettings> {
    const adapter = new DurableJsonFile(join(dataDir, 'settings.json'), SettingsFile, noMigrations)
    const file = new Low<SettingsFile>(adapter, { format: FORMAT_VERSION })
    const settings = new LibrarySettings(file, adapter)
    await file.read().catch((error: unknown) => {
      if (!(error instanceof DamagedFileError)) throw error
      settings.#damage = error
    })
    return settings
  }

  /**
   * After a damaged file was moved aside on open: the settings of the newest backup that
   * holds a valid copy, written back, so the analyst's retention keeps pruning what it
   * should and no more. What was done goes to the problem log.
   */
  async restoreFrom(backups: BackupStore, problems: ProblemLog): Promise<void> {
    const damage = this.#damage
    if (!damage) return
    this.#damage = undefined
    const copy = await newestValidCopy(backups, 'settings.json', this.#adapter)
    const where = { file: damage.file, movedTo: damage.movedTo }
    if (!copy) {
      await problems.add({
        ...where,
        message: `${damage.message} There is no backup of it: the default backup policy (the last 10, one a day for 7 days) applies until it is set again.`
      })
      return
    }
    this.#file.data = copy.value
    await this.#file.write()
    await problems.add({
      ...where,
      restoredFrom: copy.takenAt,
      message: `${damage.message} Dossier restored it from the backup of ${new Date(copy.takenAt).toLocaleString('en-GB')}.`
    })
  }

  /** The retention the analyst set, if any. */
  get backupRetention(): BackupRetention | undefined {
    const set = this.#file.data.backups
    return set && { recent: set.recent, days: set.days }
  }

  /** Stores a new retention, after checking it (an error names the field and its bounds). */
  async setBackupRetention(retention: BackupRetention): Promise<void> {
    checkRange('keep', retention.recent, BACKUP_KEEP_RANGE)
    checkRange('days', retention.days, BACKUP_DAYS_RANGE)
    const now = new Date().toISOString()
    const before = this.#file.data.backups
    this.#file.data.backups = {
      recent: retention.recent,
      days: retention.days,
      createdAt: before?.createdAt ?? now,
      updatedAt: now
    }
    try {
      await this.#file.write()
    } catch (error) {
      this.#file.data.backups = before
      throw error
    }
  }

  settled(): Promise<void> {
    return (this.#file.adapter as DurableJsonFile<SettingsFile>).settled()
  }
}

function checkRange(field: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max)
    throw new DossierError(
      'invalid_input',
      `${field}: must be a whole number from ${range.min} to ${range.max}, not ${value}.`
    )
}
