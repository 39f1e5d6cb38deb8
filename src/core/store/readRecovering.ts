import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { Low } from 'lowdb'
import type { LibraryProblem } from '../../shared/problem'
import type { BackupStore } from './BackupStore'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import type { ProblemLog } from './ProblemLog'

/** How one kind of store file is recovered when it is found damaged. */
export interface RecoveryPlan<T> {
  /** What the file holds, for the message: "the highlights and claims of “Title”". */
  what: string
  /** Records still readable in the damaged bytes, merged over the backup's (newest wins). */
  salvage?: (damagedText: string, restored: T) => { data: T; salvaged: number }
  /** Without a usable backup, what stays refused until the analyst acknowledges it. */
  blocks?: LibraryProblem['blocks']
}

export interface RecoveryHost {
  dataDir: string
  backups: BackupStore
  problems: ProblemLog
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

/**
 * Reads a store file. A damaged one has been moved aside (never deleted, never
 * overwritten) by DurableJsonFile; it is then restored from the newest backup copy that
 * validates, with any records still readable in the damaged file merged in, and the
 * analyst is told which backup was used, what may be missing, and where the damaged file
 * is. Returns whether the file was recovered.
 */
export async function readRecovering<T>(
  low: Low<T>,
  host: RecoveryHost,
  plan: RecoveryPlan<T>
): Promise<boolean> {
  let damage: DamagedFileError
  try {
    await low.read()
    return false
  } catch (error) {
    if (!(error instanceof DamagedFileError)) throw error
    damage = error
  }
  const adapter = low.adapter as DurableJsonFile<T>
  const path = relative(host.dataDir, adapter.path).split('\\').join('/')
  const backup = await newestValidCopy(host.backups, path, adapter)
  let data = backup?.value ?? low.data
  let salvaged = 0
  if (plan.salvage) {
    const text = await readFile(damage.movedTo, 'utf8').catch(() => '')
    ;({ data, salvaged } = plan.salvage(text, data))
  }
  low.data = data
  if (backup || salvaged > 0) await low.write()
  const reason = `(${path}) could not be read: ${damage.reason}`
  const kept = `The damaged file is kept at ${damage.movedTo}.`
  const recovered =
    salvaged > 0
      ? ` and recovered ${salvaged} entr${salvaged === 1 ? 'y' : 'ies'} from the damaged file`
      : ''
  const message = backup
    ? `${capitalize(plan.what)} ${reason}. Dossier restored ${path} from the backup of ${when(backup.takenAt)}${recovered}; changes made after that backup may be missing. ${kept}`
    : `${capitalize(plan.what)} ${reason}, and there is no backup of ${path}. Dossier${recovered ? recovered.replace(' and', '') : ' could recover nothing from it'}${plan.blocks ? '; changes to it are refused until you acknowledge this notice' : ''}. ${kept}`
  await host.problems.add({
    message,
    file: adapter.path,
    movedTo: damage.movedTo,
    ...(backup ? { restoredFrom: backup.takenAt } : {}),
    ...(salvaged > 0 ? { salvaged } : {}),
    ...(!backup && plan.blocks ? { blocks: plan.blocks } : {})
  })
  return true
}

/**
 * The newest backup copy of the store file at `relativePath` that `adapter` reads (with its
 * migrations), or undefined; a copy from a newer Dossier is passed over, not a failure.
 */
export function newestValidCopy<T>(
  backups: BackupStore,
  relativePath: string,
  adapter: DurableJsonFile<T>
): Promise<{ value: T; takenAt: string } | undefined> {
  return backups
    .newestCopy(relativePath, (bytes) => {
      try {
        return adapter.parse(bytes)
      } catch (error) {
        return String(error)
      }
    })
    .catch(() => undefined)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
