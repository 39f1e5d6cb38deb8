import type { LinkedClaim } from '../../../shared/claim'

/** A link as a numbered marker beside the passage at this end of it. */
export interface LinkMarker {
  number: number
  /** The claim at this end. */
  claimId: string
  linked: LinkedClaim
}

/**
 * Numbers the links of the open articles 1, 2, 3… in the order they were made, so that one
 * link has the same number in every pane and the numbers do not shuffle as links are added.
 */
export function numberLinks(linkLists: Iterable<LinkedClaim[]>): Map<string, number> {
  const links = new Map<string, LinkedClaim['link']>()
  for (const list of linkLists) for (const { link } of list) links.set(link.id, link)
  const ordered = [...links.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  )
  return new Map(ordered.map((link, i) => [link.id, i + 1]))
}

/** The markers of one article's claims, by claim id, in number order. */
export function markersByClaim(
  links: LinkedClaim[],
  numbers: ReadonlyMap<string, number>
): Map<string, LinkMarker[]> {
  const byClaim = new Map<string, LinkMarker[]>()
  for (const linked of links) {
    const number = numbers.get(linked.link.id)
    if (number === undefined) continue
    const claimId = linked.outgoing ? linked.link.fromClaimId : linked.link.toClaimId
    const list = byClaim.get(claimId) ?? []
    list.push({ number, claimId, linked })
    byClaim.set(claimId, list)
  }
  for (const list of byClaim.values()) list.sort((a, b) => a.number - b.number)
  return byClaim
}
