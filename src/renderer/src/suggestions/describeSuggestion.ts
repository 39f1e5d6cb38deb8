import type { ClaimSuggestion } from '../../../shared/suggestion'
import { ATTRIBUTION_LABELS } from '../claims/attributionLabels'

/** A suggestion in one line, as its tag in the text and the suggestion list say it. */
export function describeSuggestion({ attribution, claimant, cue }: ClaimSuggestion): string {
  return `${ATTRIBUTION_LABELS[attribution]} · ${claimant || 'no claimant'} · “${cue}”`
}
