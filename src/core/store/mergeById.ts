/**
 * Records from a backup with the records salvaged from a damaged file laid over them:
 * by id, the one changed last wins, so nothing newer than the backup is lost.
 */
export function mergeById<T extends { id: string; updatedAt?: string }>(
  restored: T[],
  salvaged: T[]
): T[] {
  const merged = new Map(restored.map((record) => [record.id, record]))
  for (const record of salvaged) {
    const known = merged.get(record.id)
    if (!known || (record.updatedAt ?? '') >= (known.updatedAt ?? '')) merged.set(record.id, record)
  }
  return [...merged.values()]
}
