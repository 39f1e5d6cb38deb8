import type { Source } from '../../../shared/source'

/** Names compare as the registry compares them: without case, accents or curly quotes. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").trim().toLowerCase()
}

/**
 * The sources whose name or an alias contains `query`, those that start with it first,
 * then by name. An empty query lists them all.
 */
export function matchSources<S extends Source>(sources: readonly S[], query: string): S[] {
  const key = nameKey(query)
  const rank = (source: S): number => {
    const names = [source.name, ...source.aliases].map(nameKey)
    if (names.some((name) => name.startsWith(key))) return 0
    return names.some((name) => name.includes(key)) ? 1 : 2
  }
  return sources
    .map((source) => ({ source, rank: rank(source) }))
    .filter((entry) => entry.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.source.name.localeCompare(b.source.name))
    .map((entry) => entry.source)
}

/** The source named exactly `query` (by name or alias), if any. */
export function sourceNamed<S extends Source>(sources: readonly S[], query: string): S | undefined {
  const key = nameKey(query)
  return sources.find((source) => [source.name, ...source.aliases].some((n) => nameKey(n) === key))
}
