import type { Attribution } from '../../../shared/claim'

/** How the article attributes a claim, as the card's select says it. */
export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  named: 'Named claimant',
  anonymous: 'Anonymous source',
  unattributed: 'Unattributed',
  author: 'The author’s own assertion'
}
