import { normalizeName } from './normalizeName'

/** A source as the registry holds it (issue #9): a name and the analyst's aliases. */
export interface SourceName {
  id: string
  name: string
  aliases: readonly string[]
}

/**
 * The registry source a suggested claimant is, so that accepting it reuses that source and its
 * grade: the whole claimant equal to a source's name or alias once normalised (see
 * `normalizeName`: `the union` matches the alias `union`), else one of its comma-separated
 * parts (`Tomas Reyl` in `A spokesperson, Tomas Reyl`). Undefined when nothing matches, or when
 * two sources match equally well: the analyst then picks, rather than Dossier guessing.
 */
export function matchClaimant(
  claimant: string,
  sources: readonly SourceName[]
): string | undefined {
  const names = sources.map((source) => ({
    id: source.id,
    names: new Set([source.name, ...source.aliases].map(normalizeName))
  }))
  for (const candidate of [claimant, ...claimant.split(',')]) {
    const wanted = normalizeName(candidate)
    if (!wanted) continue
    const ids = new Set(names.filter((source) => source.names.has(wanted)).map((s) => s.id))
    if (ids.size === 1) return [...ids][0]
    if (ids.size > 1) return undefined
  }
  return undefined
}
