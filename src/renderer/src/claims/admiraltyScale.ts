import type { Reliability } from '../../../shared/source'

/** The Admiralty (NATO) source reliability scale; graded once per source. */
export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged'
}

/** The Admiralty information credibility scale; graded per claim. */
export const CREDIBILITY_MEANING: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged'
}
