import type { Claim } from '../../../shared/claim'
import { gradeCode } from '../../../shared/claim'
import type { Source } from '../../../shared/source'
import { CREDIBILITY_MEANING, RELIABILITY_MEANING } from './admiraltyScale'

/** A claim's Admiralty grade: the code (`B3`) and what it means, in words. */
export function gradeOf(
  claim: Claim,
  source: Source | undefined
): { code: string; meaning: string } {
  const reliability = source?.reliability
  const credibility = claim.credibility as keyof typeof CREDIBILITY_MEANING | undefined
  return {
    code: gradeCode(reliability, credibility),
    meaning: [
      reliability ? `source ${RELIABILITY_MEANING[reliability].toLowerCase()}` : 'source ungraded',
      credibility ? `claim ${CREDIBILITY_MEANING[credibility].toLowerCase()}` : 'claim ungraded'
    ].join(', ')
  }
}
