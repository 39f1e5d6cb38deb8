import type { ClaimStatus } from '../../../shared/claim'

/** Verdicts first, then the claims still in review. */
export const TRACK_RECORD_ORDER: readonly ClaimStatus[] = [
  'supported',
  'disputed',
  'refuted',
  'unverifiable',
  'checking',
  'unreviewed'
]

/** "2 supported, 1 disputed, 3 unreviewed": how a source's claims stand, zeros left out. */
export function describeTrackRecord(byStatus: Record<ClaimStatus, number>): string {
  const parts = TRACK_RECORD_ORDER.filter((status) => byStatus[status] > 0).map(
    (status) => `${byStatus[status].toLocaleString('en')} ${status}`
  )
  return parts.length === 0 ? 'no claims' : parts.join(', ')
}
