import type { ClaimStatus } from '../../../shared/claim'

/** What the analyst sees of a status: its name, its key, and its non-colour cue in the text. */
export interface StatusCue {
  label: string
  /** The key that sets it on the selected claim. */
  key: string
  /** The underline that marks it in the text, in words for the legend's tooltip. */
  cue: string
}

/**
 * One entry per status. The keys avoid the highlight keys (H, 1–6) and C and L; each status
 * has its own underline style, so its colour is never the only cue.
 */
export const STATUS_CUES: Record<ClaimStatus, StatusCue> = {
  unreviewed: { label: 'Unreviewed', key: 'U', cue: 'thin solid underline' },
  checking: { label: 'Checking', key: 'K', cue: 'dashed underline' },
  supported: { label: 'Supported', key: 'S', cue: 'thick solid underline' },
  disputed: { label: 'Disputed', key: 'D', cue: 'wavy underline' },
  refuted: { label: 'Refuted', key: 'R', cue: 'double underline' },
  unverifiable: { label: 'Unverifiable', key: 'V', cue: 'dotted underline' }
}
