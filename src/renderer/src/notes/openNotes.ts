import type { Autosave } from './Autosave'

/**
 * Every note with changes that may not be on disk yet: the open editors, and the closed
 * ones whose last save is still on its way or being retried. The ways out of the app (the
 * page going away, the desktop app quitting) reach them all here.
 */
const notes = new Set<Autosave<unknown>>()

export function trackNote(autosave: Autosave<unknown>): void {
  notes.add(autosave)
}

export function untrackNote(autosave: Autosave<unknown>): void {
  notes.delete(autosave)
}

/** Saves every note now; resolves `true` once all are on disk, `false` if a save failed. */
export async function flushAllNotes(): Promise<boolean> {
  const results = await Promise.all([...notes].map((note) => note.flush()))
  return results.every(Boolean)
}

/** How many notes and records have a change not known to be on disk. */
export function pendingChanges(): number {
  return [...notes].filter((note) => note.dirty).length
}

/** The page is going away: sends every unsaved note in calls that outlive it. */
export function leaveAllNotes(): void {
  for (const note of notes) note.leave()
}
