import type { AnalyzedText } from './analyzeText'
import { isCapitalised, isQuoteMark, isRelativePronoun, isTerminal, isVerb } from './lexicon'

/** Longest claimant the finder reads; a longer "noun phrase" is a misread clause. */
const MAX_CLAIMANT_TOKENS = 30
const PHRASE_OPENING_TAGS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'])
const PRENOMINAL_TAGS = new Set(['DET', 'ADJ', 'NUM'])

/**
 * Whether tokens `[first, end)` can be a claimant: a noun phrase with its appositions and
 * modifiers (`Two freight forwarders, who asked not to be named because…`, `The leaked memo,
 * seen by the Courier`, `Customers turned away from the market`). A verb outside such a
 * modifier means the span is a clause, not a claimant.
 */
export function isNounPhrase({ tokens }: AnalyzedText, first: number, end: number): boolean {
  if (end <= first || end - first > MAX_CLAIMANT_TOKENS) return false
  const opening = tokens[first]
  if (!PHRASE_OPENING_TAGS.has(opening.pos) && !isCapitalised(opening)) return false
  if (opening.normal === 'that' || opening.pos === 'SCONJ') return false
  let modifier = false
  for (let i = first; i < end; i++) {
    const token = tokens[i]
    if (token.text === ',') {
      modifier = false
      continue
    }
    if (isQuoteMark(token) || isTerminal(token) || token.text === ';' || token.text === ':')
      return false
    if (isRelativePronoun(token)) modifier = true
    if (modifier || !isVerb(token)) continue
    const previous = tokens[i - 1]
    if (i > first && PRENOMINAL_TAGS.has(previous.pos)) continue
    const participle = token.pos === 'VERB' && /(ed|en|ing)$/.test(token.normal)
    if (participle && i > first && /^(NOUN|PROPN|PUNCT)$/.test(previous.pos)) {
      modifier = true
      continue
    }
    return false
  }
  return true
}
