import type { AnalyzedText } from './analyzeText'
import type { Draft } from './Draft'
import { SOURCE_PREPOSITIONS } from './attributionRules'
import { isTerminal } from './lexicon'
import { hasVerb } from './readClaimant'
import { clauseEnd, trimStatement } from './readStatement'

const PREPOSITIONS = SOURCE_PREPOSITIONS.map((phrase) => phrase.split(' '))
const FIRST_WORDS = new Set(PREPOSITIONS.map((words) => words[0]))

/**
 * `According to the chamber, the port handled…`, `…, according to the federation.` and
 * `Under the terms, according to a lawyer, the authority is not liable…`: the source runs to
 * the next comma (over appositions with no verb), the statement is the clause after it, or
 * the clause before when nothing follows.
 */
export function findAccordingTo(analyzed: AnalyzedText, quoted: boolean[]): Draft[] {
  const { tokens, sentences } = analyzed
  const drafts: Draft[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!FIRST_WORDS.has(tokens[i].normal)) continue
    const words = PREPOSITIONS.find((phrase) =>
      phrase.every((word, k) => tokens[i + k]?.normal === word)
    )
    if (!words || quoted[i]) continue
    const sentence = sentences[tokens[i].sentence]
    const first = i + words.length
    let end = sourceEnd(analyzed, first, sentence.end)
    while (tokens[end]?.text === ',') {
      const next = sourceEnd(analyzed, end + 1, sentence.end)
      const apposition = next < sentence.end && tokens[next].text === ','
      if (!apposition || hasVerb(analyzed, end + 1, next)) break
      end = next
    }
    if (end === first) continue
    const cue = { first: i, end: first }
    const claimant = { first, end }
    const rest = clauseEnd(analyzed, end + 1, sentence.end)
    // `…in March, according to the office, but found no danger`: the clause before.
    const continues = tokens[end + 1]?.pos === 'CCONJ'
    if (tokens[end]?.text === ',' && !continues && hasVerb(analyzed, end + 1, rest)) {
      drafts.push({ statement: trimStatement(analyzed, end + 1, rest), cue, claimant })
      continue
    }
    const start = sentence.body
    if (hasVerb(analyzed, start, i))
      drafts.push({ statement: trimStatement(analyzed, start, i), cue, claimant })
  }
  return drafts
}

/** The next comma or sentence end from `first`. */
function sourceEnd({ tokens }: AnalyzedText, first: number, sentenceEnd: number): number {
  let i = first
  while (i < sentenceEnd && tokens[i].text !== ',' && !isTerminal(tokens[i])) i++
  return i
}
