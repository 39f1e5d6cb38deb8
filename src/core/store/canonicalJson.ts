/**
 * JSON with every object's keys in sorted order, so two records compare equal whatever
 * order their fields were set in (a record edited in this session keeps insertion order;
 * one read from disk has its schema's).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key]
    return sorted
  })
}
