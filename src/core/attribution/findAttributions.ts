import { analyzeText } from './analyzeText'
import type { Draft } from './Draft'
import { findAccordingTo } from './findAccordingTo'
import { findContinuedQuotations } from './findContinuedQuotations'
import { findDirectSpeech } from './findDirectSpeech'
import { findHedges } from './findHedges'
import { findIndirectSpeech } from './findIndirectSpeech'
import { findQuotations } from './findQuotations'
import { loadLanguageModel } from './languageModel'
import { resolveClaimants } from './resolveClaimants'
import type { Suggestion } from '../../shared/suggestion'
import { trimOverlappingStatements } from './trimOverlappingStatements'

/**
 * The claims an article makes through its sources: who says what, with which cue, and how it
 * is attributed (named, anonymous, or unattributed hedges), in text order. Offsets are UTF-16
 * code units of `text`, the stored article text. The language model loads on the first call
 * (about half a second); later calls only read the text.
 */
export async function findAttributions(text: string): Promise<Suggestion[]> {
  const model = await loadLanguageModel()
  const analyzed = analyzeText(model, text)
  const quotations = findQuotations(analyzed)
  const quoted = new Array<boolean>(analyzed.tokens.length).fill(false)
  for (const { open, close } of quotations) quoted.fill(true, open, close + 1)

  // Quotations first: their cues are then spoken for, and reported speech reads the rest.
  const direct = findDirectSpeech(analyzed, quotations)
  const reported = [
    ...findAccordingTo(analyzed, quoted),
    ...findIndirectSpeech(analyzed, quoted, direct)
  ]
  const continued = findContinuedQuotations(analyzed, quotations, [...direct, ...reported])
  const attributed = [...direct, ...reported, ...continued]
  trimOverlappingStatements(analyzed, attributed)
  // A hedge inside an attributed statement is the source's wording, not a claim of its own.
  const hedges = findHedges(analyzed, quoted).filter(
    (hedge) => !attributed.some((claim) => overlaps(claim, hedge))
  )
  const drafts = [...attributed, ...hedges].sort(
    (a, b) => a.statement.first - b.statement.first || a.cue.first - b.cue.first
  )
  return resolveClaimants(analyzed, drafts)
}

function overlaps(a: Draft, b: Draft): boolean {
  return a.statement.first < b.statement.end && b.statement.first < a.statement.end
}
