import type { LinkedClaim, LinkRelation } from '../../../shared/claim'

/** The relation as the link picker offers it: "this claim … the one picked". */
export const RELATION_LABELS: Record<LinkRelation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  repeats: 'repeats',
  'derives-from': 'derives from (cites)'
}

/** The relation read from the other end of the link. */
const PASSIVE: Record<LinkRelation, string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  repeats: 'repeated by',
  'derives-from': 'cited by'
}

/** How a link reads from this claim's side: "contradicts" or "contradicted by". */
export function relationFromHere(linked: LinkedClaim): string {
  const relation = linked.link.relation
  if (linked.outgoing) return relation === 'derives-from' ? 'derives from' : relation
  return PASSIVE[relation]
}
