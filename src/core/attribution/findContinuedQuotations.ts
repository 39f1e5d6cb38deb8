import type { AnalyzedText } from './analyzeText'
import type { Draft } from './Draft'
import type { Quotation } from './findQuotations'
import { isTerminal } from './lexicon'

/**
 * Quotations that are sentences of their own with no cue, right after a quoted claim in the
 * same paragraph: `“We found old mine workings,” said Joris Haldane. “Filling them takes
 * time.”` The speaker goes on; the new claim shares the previous one's claimant and cue.
 */
export function findContinuedQuotations(
  analyzed: AnalyzedText,
  quotations: Quotation[],
  claims: Draft[]
): Draft[] {
  const { tokens, sentences } = analyzed
  const ordered = [...claims].sort((a, b) => a.statement.first - b.statement.first)
  const continued: Draft[] = []
  for (const quotation of quotations) {
    const sentence = sentences[tokens[quotation.open].sentence]
    const opensSentence = quotation.open === sentence.body
    const next = tokens[quotation.close + 1]
    const closesSentence =
      !next || next.sentence !== tokens[quotation.close].sentence || isTerminal(next)
    if (!opensSentence || !closesSentence || quotation.close - quotation.open < 2) continue
    const covered = ordered.some(
      (claim) =>
        claim.statement.first <= quotation.open + 1 && claim.statement.end >= quotation.close
    )
    if (covered) continue
    const previous = [...ordered, ...continued]
      .filter((claim) => claim.statement.end <= quotation.open)
      .sort((a, b) => a.statement.end - b.statement.end)
      .at(-1)
    const sameParagraph =
      previous &&
      sentences[tokens[previous.statement.first].sentence].paragraph === sentence.paragraph
    if (!previous?.quoted || !sameParagraph) continue
    continued.push({
      statement: { first: quotation.open + 1, end: quotation.close },
      cue: previous.cue,
      sameClaimantAs: previous,
      quoted: true
    })
  }
  return continued
}
