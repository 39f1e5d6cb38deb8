import { CREDIBILITY_MEANING, RELIABILITY_MEANING } from '../claims/admiraltyScale'

/** A grade in words, for its tooltip: "B: Usually reliable; 3: Possibly true". */
export function gradeMeaning(
  reliability: string | undefined,
  credibility: number | undefined
): string {
  const source =
    reliability && reliability in RELIABILITY_MEANING
      ? `${reliability}: ${RELIABILITY_MEANING[reliability as keyof typeof RELIABILITY_MEANING]}`
      : 'source not graded'
  const claim =
    credibility && credibility in CREDIBILITY_MEANING
      ? `${credibility}: ${CREDIBILITY_MEANING[credibility as keyof typeof CREDIBILITY_MEANING]}`
      : 'credibility not graded'
  return `${source}; ${claim}`
}
