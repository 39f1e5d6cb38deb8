import type { ClaimLink, ClaimSummary, Corroboration, LinkedClaim } from '../../shared/claim'

/** What corroboration reads: live links and claims only, as the store resolves them. */
export interface ClaimGraph {
  claim(id: string): ClaimSummary | undefined
  /** Live links touching a claim whose both ends are live. */
  liveLinksOf(claimId: string): ClaimLink[]
  linked(link: ClaimLink, fromClaimId: string): LinkedClaim
}

/** The other end of a link, seen from `claimId`. */
function otherEnd(link: ClaimLink, claimId: string): string {
  return link.fromClaimId === claimId ? link.toClaimId : link.fromClaimId
}

/** The claims `claimId` derives from, directly or through others. */
export function upstreamOf(graph: ClaimGraph, claimId: string): Set<string> {
  const seen = new Set<string>()
  const visit = (id: string): void => {
    for (const link of graph.liveLinksOf(id)) {
      if (link.relation !== 'derives-from' || link.fromClaimId !== id) continue
      if (seen.has(link.toClaimId)) continue
      seen.add(link.toClaimId)
      visit(link.toClaimId)
    }
  }
  visit(claimId)
  seen.delete(claimId)
  return seen
}

/**
 * Where a claim's information comes from: the claims upstream of it that cite nothing
 * (or the claim itself); each origin is that claim's source, or the claim when it has no
 * claimant. Two supports with one origin are one piece of evidence, not two.
 */
export function originsOf(graph: ClaimGraph, claimId: string): Set<string> {
  const roots = [claimId, ...upstreamOf(graph, claimId)].filter(
    (id) =>
      !graph
        .liveLinksOf(id)
        .some((link) => link.relation === 'derives-from' && link.fromClaimId === id)
  )
  return new Set(
    roots.map((id) => {
      const sourceId = graph.claim(id)?.sourceId
      return sourceId ? `source:${sourceId}` : `claim:${id}`
    })
  )
}

/**
 * A claim's corroboration. "Supports" and "repeats" count as support and "contradicts" as
 * contradiction, whichever end the analyst linked from; independence counts distinct
 * origins. Circular reporting is two supports from different claimants that lead back to
 * one origin, or a support that derives from the very claim it supports.
 */
export function corroborate(graph: ClaimGraph, claimId: string): Corroboration {
  const links = graph.liveLinksOf(claimId)
  const view = (link: ClaimLink): LinkedClaim => graph.linked(link, claimId)
  const supporting = links.filter((l) => l.relation === 'supports' || l.relation === 'repeats')
  const contradicting = links.filter((l) => l.relation === 'contradicts')
  const derives = links.filter((l) => l.relation === 'derives-from')
  const independent = (group: ClaimLink[]): number =>
    new Set(group.flatMap((link) => [...originsOf(graph, otherEnd(link, claimId))])).size

  const quote = (id: string): string => {
    const exact = graph.claim(id)?.exact ?? id
    return `“${exact.length > 60 ? `${exact.slice(0, 59)}…` : exact}”`
  }
  const warnings: string[] = []
  const supports = [...new Set(supporting.map((link) => otherEnd(link, claimId)))]
  for (const id of supports) {
    if (upstreamOf(graph, id).has(claimId))
      warnings.push(`${quote(id)} derives from this claim, so it is no independent support.`)
  }
  for (let i = 0; i < supports.length; i++) {
    for (let j = i + 1; j < supports.length; j++) {
      const a = graph.claim(supports[i]!)
      const b = graph.claim(supports[j]!)
      if (!a || !b || (a.sourceId !== undefined && a.sourceId === b.sourceId)) continue
      const theirs = originsOf(graph, b.id)
      if ([...originsOf(graph, a.id)].some((origin) => theirs.has(origin))) {
        warnings.push(
          `Circular reporting: ${quote(a.id)} and ${quote(b.id)} look independent but lead back to one origin; they count once.`
        )
      }
    }
  }
  return {
    claimId,
    supporting: supporting.map(view),
    contradicting: contradicting.map(view),
    upstream: derives.filter((link) => link.fromClaimId === claimId).map(view),
    downstream: derives.filter((link) => link.toClaimId === claimId).map(view),
    independentSupport: independent(supporting),
    independentContradiction: independent(contradicting),
    warnings
  }
}
