import type { Low } from 'lowdb'
import { DossierError } from '../../shared/result'
import { DurableJsonFile } from './DurableJsonFile'
import { UnsyncedFolderError } from './writeFileDurable'

/**
 * Writes a change already made in memory. If the write fails, `revert` undoes the change,
 * so what is in memory is what callers were told was saved.
 */
export async function commitChange<T>(low: Low<T>, revert: () => void): Promise<void> {
  try {
    await low.write()
  } catch (error) {
    // In place but not yet safe from a power loss: the change stands, and the user is told.
    if (error instanceof UnsyncedFolderError) {
      for (const listener of warningListeners)
        listener(`${error.message}; it is saved, but a power cut now could undo it.`, error.target)
      return
    }
    revert()
    const path = low.adapter instanceof DurableJsonFile ? low.adapter.path : 'the library'
    throw new DossierError(
      'io',
      `Could not save ${path} (${(error as Error).message}); the change was not made.`,
      { cause: error }
    )
  }
}

type WarningListener = (message: string, path: string) => void
const warningListeners = new Set<WarningListener>()

/** Hears about saves that stand but are not yet safe (the library tells the analyst). */
export function onStoreWarning(listener: WarningListener): () => void {
  warningListeners.add(listener)
  return () => warningListeners.delete(listener)
}

/** Restores `target` to exactly `before`: fields added since are removed, not kept. */
export function restoreFields<T extends object>(target: T, before: T): void {
  for (const key of Object.keys(target)) {
    if (!Object.hasOwn(before, key)) delete (target as Record<string, unknown>)[key]
  }
  Object.assign(target, before)
}
