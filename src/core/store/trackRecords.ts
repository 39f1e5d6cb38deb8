import type { ClaimStatus, ClaimSummary } from '../../shared/claim'
import { CLAIM_STATUSES } from '../../shared/claim'
import type { Source, SourceRecord } from '../../shared/source'

/** Each source with how many of its claims stand at each status. */
export function trackRecords(sources: Source[], claims: Iterable<ClaimSummary>): SourceRecord[] {
  const empty = (): Record<ClaimStatus, number> =>
    Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>
  const tally = new Map<string, Record<ClaimStatus, number>>()
  for (const claim of claims) {
    if (!claim.sourceId) continue
    let counts = tally.get(claim.sourceId)
    if (!counts) tally.set(claim.sourceId, (counts = empty()))
    counts[claim.status]++
  }
  return sources.map((source) => {
    const byStatus = tally.get(source.id) ?? empty()
    const claimCount = Object.values(byStatus).reduce((sum, n) => sum + n, 0)
    return { ...source, claims: claimCount, byStatus }
  })
}
