import type { ConflictCopy } from '../../shared/conflict'
import { canonicalJson } from './canonicalJson'

/** What a merge compares: when a record last changed, and the copies it already keeps. */
export interface Versioned {
  updatedAt: string
  deletedAt?: string
  conflicts?: ConflictCopy[]
}

export interface Merged<T> {
  record: T
  /** New here, changed by the backup, or the same as before (conflict copies aside). */
  outcome: 'added' | 'updated' | 'unchanged'
  /** Whether the record must be written: its content or its conflict copies changed. */
  changed: boolean
  /** Whether both sides had changed it, so one version was kept as a conflict copy. */
  conflict: boolean
}

/**
 * Merges the backup's version of a record (`theirs`) into the library's (`mine`): a record
 * new to the library is added; two different versions keep the one changed later (a
 * deletion counts as a change; a tie keeps the library's) and the other as a conflict copy.
 * `ignore` names derived fields that never make two versions differ (an article's counts).
 * Merging the same backup twice changes nothing the second time.
 */
export function mergeRecord<T extends Versioned>(
  mine: T | undefined,
  theirs: T,
  at: string,
  ignore: readonly string[] = []
): Merged<T> {
  if (!mine) return { record: theirs, outcome: 'added', changed: true, conflict: false }
  const content = (record: T): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...(record as object) }
    for (const key of ['conflicts', ...ignore]) delete rest[key]
    return rest
  }
  const copies = unionCopies(mine.conflicts, theirs.conflicts)
  const same = canonicalJson(content(mine)) === canonicalJson(content(theirs))
  const theirsWins = !same && changedAt(theirs) > changedAt(mine)
  const loser = theirsWins ? mine : theirs
  const lost: ConflictCopy | undefined = same
    ? undefined
    : { at, from: theirsWins ? 'library' : 'backup', record: content(loser) }
  const conflicts = lost ? unionCopies(copies, [lost]) : copies
  const base = theirsWins ? theirs : mine
  const record = { ...base } as T
  if (conflicts.length > 0) record.conflicts = conflicts
  else delete record.conflicts
  const changed = theirsWins || canonicalJson(conflicts) !== canonicalJson(mine.conflicts ?? [])
  const conflict = lost !== undefined && conflicts.length > copies.length
  return { record, outcome: theirsWins ? 'updated' : 'unchanged', changed, conflict }
}

/** When a record last changed: its update, or its deletion if that came later. */
function changedAt(record: Versioned): string {
  return record.deletedAt !== undefined && record.deletedAt > record.updatedAt
    ? record.deletedAt
    : record.updatedAt
}

/** Both lists of conflict copies, each distinct copy once, in first-seen order. */
function unionCopies(a: ConflictCopy[] | undefined, b: ConflictCopy[] | undefined): ConflictCopy[] {
  const seen = new Set<string>()
  const out: ConflictCopy[] = []
  for (const copy of [...(a ?? []), ...(b ?? [])]) {
    const key = canonicalJson({ from: copy.from, record: copy.record })
    if (seen.has(key)) continue
    seen.add(key)
    out.push(copy)
  }
  return out
}
