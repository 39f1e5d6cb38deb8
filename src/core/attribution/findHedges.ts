import type { AnalyzedText } from './analyzeText'
import type { Draft } from './Draft'
import type { Hedge } from './attributionRules'
import { HEDGES } from './attributionRules'
import { clauseEnd, trimStatement } from './readStatement'

interface CompiledHedge {
  words: { options: Set<string>; optional: boolean }[]
  content: Hedge['content']
}

/** The hedges by their first word, which is never optional: one lookup per token. */
const BY_FIRST_WORD = new Map<string, CompiledHedge[]>()
for (const { pattern, content } of HEDGES) {
  const words = pattern.split(' ').map((word) => ({
    optional: word.endsWith('?'),
    options: new Set(word.replace(/\?$/, '').split('|'))
  }))
  for (const first of words[0].options)
    BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), { words, content }])
}

/**
 * Statements hedged with no source (`HEDGES`): `was allegedly awarded`, `is said to have`,
 * `It is understood that…`, `There are reports that…`. Hedges inside quotations are the
 * speaker's and stay part of that claim.
 */
export function findHedges(analyzed: AnalyzedText, quoted: boolean[]): Draft[] {
  const { tokens, sentences } = analyzed
  const drafts: Draft[] = []
  for (let i = 0; i < tokens.length; i++) {
    const hedges = BY_FIRST_WORD.get(tokens[i].normal)
    if (!hedges || quoted[i]) continue
    for (const hedge of hedges) {
      const end = matchAt(analyzed, hedge, 0, i, tokens[i].sentence)
      if (end === undefined) continue
      const sentence = sentences[tokens[i].sentence]
      const start = hedge.content === 'after' ? end : clauseStart(analyzed, i)
      const statement = trimStatement(analyzed, start, clauseEnd(analyzed, i, sentence.end))
      if (statement.end > statement.first) {
        drafts.push({ statement, cue: { first: i, end }, unattributed: true })
        i = end - 1
      }
      break
    }
  }
  return drafts
}

/**
 * One past the hedge's last token if its words from `word` on match at token `at`, within
 * one sentence; an optional word is tried present, then absent.
 */
function matchAt(
  analyzed: AnalyzedText,
  hedge: CompiledHedge,
  word: number,
  at: number,
  sentence: number
): number | undefined {
  if (word === hedge.words.length) return at
  const { options, optional } = hedge.words[word]
  const token = analyzed.tokens[at]
  const here =
    token && token.sentence === sentence && options.has(token.normal)
      ? matchAt(analyzed, hedge, word + 1, at + 1, sentence)
      : undefined
  return here ?? (optional ? matchAt(analyzed, hedge, word + 1, at, sentence) : undefined)
}

/** Where the hedged clause starts: after the last `;` before the hedge, or the sentence start. */
function clauseStart({ tokens, sentences }: AnalyzedText, hedge: number): number {
  const sentence = sentences[tokens[hedge].sentence]
  for (let i = hedge - 1; i >= sentence.body; i--) if (tokens[i].text === ';') return i + 1
  return sentence.body
}
