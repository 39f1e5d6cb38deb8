import type { CueFrame } from './attributionRules'
import type { AnalyzedText } from './analyzeText'
import type { TokenSpan } from './Draft'
import {
  cueVerbAt,
  isEmptyStatement,
  isQuoteMark,
  isRelativePronoun,
  isTerminal,
  isVerb
} from './lexicon'
import { claimantAfter, hasVerb, trimBeforeCue } from './readClaimant'
import { isNounPhrase } from './readNounPhrase'

/** How far after a cue `that` may come: `said on Tuesday evening that`, `warned investors that`. */
const THAT_WINDOW = 6
/** How long an aside between a cue and its `that` may be. */
const ASIDE_WINDOW = 10
/** Words after `that` from which a clause is one even with no verb tagged. */
const MIN_CLAUSE_WORDS = 3
const NOT_A_STATEMENT_START = new Set(['ADP', 'PART', 'PUNCT', 'SCONJ', 'CCONJ', 'SYM'])
const COORDINATORS = new Set(['but', 'and', 'while', 'whereas'])
/** How long a claimant taking over a statement may be: `, the deputy mayor, Clara Winnick, told`. */
const HANDOVER_WINDOW = 12

/**
 * The statement a cue introduces after it, per its frame (see `CueFrame`): from `that`, or
 * the first word of the reported clause, to the clause's end. Undefined when what follows is
 * no statement: `said on Monday.`, `said goodbye`, `expects to publish`, `told councillors.`
 */
export function statementAfter(
  analyzed: AnalyzedText,
  cue: number,
  frame: CueFrame
): TokenSpan | undefined {
  const { tokens, sentences } = analyzed
  const sentenceEnd = sentences[tokens[cue].sentence].end
  let first = cue + 1
  if (frame === 'object-clause') {
    first = skipHearer(analyzed, first, sentenceEnd)
    if (first === cue + 1) return undefined
  }
  const that = findThat(analyzed, first, sentenceEnd)
  if (that !== undefined) first = that + 1
  else if (frame === 'that-clause') return undefined
  const opening = tokens[first]
  if (first >= sentenceEnd || !opening) return undefined
  if (that === undefined && NOT_A_STATEMENT_START.has(opening.pos)) return undefined
  // `said goodbye to the crew`, `said nothing about the plan`, but `says no posts would go`.
  const after = tokens[first + 1]
  const saysNothing = !after || /^(ADP|PUNCT|CCONJ|PART)$/.test(after.pos)
  if (that === undefined && isEmptyStatement(opening) && saysNothing) return undefined
  let end = clauseEnd(analyzed, first, sentenceEnd)
  if (frame === 'naming') {
    const closing = firstQuotationEnd(analyzed, first, end)
    if (closing === undefined) return undefined
    end = closing
  } else if (frame === 'accusation') {
    if (!tokens.slice(first, end).some((token) => token.normal === 'of')) return undefined
  } else if (!isClause(analyzed, first, end, that !== undefined)) return undefined
  const statement = trimStatement(analyzed, first, end)
  return statement.end > statement.first ? statement : undefined
}

/**
 * A statement before its cue: `Truck drivers queued for hours, the police said.` The
 * claimant is what lies between the first comma that closes a clause and the cue; or, for
 * `…, said the bank.`, what follows the cue (never for `told`: what follows it is the hearer).
 * Returns both, or undefined.
 */
export function statementBefore(
  analyzed: AnalyzedText,
  cue: number,
  frame: CueFrame
): { statement: TokenSpan; claimant: TokenSpan } | undefined {
  const { tokens, sentences } = analyzed
  const sentence = sentences[tokens[cue].sentence]
  const start = sentence.body
  for (let comma = start + 1; comma < cue - 1; comma++) {
    if (tokens[comma].text !== ',' || !hasVerb(analyzed, start, comma)) continue
    const end = trimBeforeCue(analyzed, comma + 1, cue)
    if (isNounPhrase(analyzed, comma + 1, end)) {
      return {
        statement: trimStatement(analyzed, start, comma),
        claimant: { first: comma + 1, end }
      }
    }
  }
  if (frame === 'clause' && tokens[cue - 1]?.text === ',') {
    const claimant = claimantAfter(analyzed, cue + 1)
    const closesSentence =
      claimant && (claimant.end >= sentence.end || isTerminal(tokens[claimant.end]))
    if (claimant && closesSentence && hasVerb(analyzed, start, cue - 1)) {
      return { statement: trimStatement(analyzed, start, cue - 1), claimant }
    }
  }
  return undefined
}

/**
 * Where a statement starting at `first` ends: at `;`, at the sentence's end, or at a comma
 * that hands over to another attribution: `, but argued that…`, `, the Courier reported`,
 * `, according to…`.
 */
export function clauseEnd(analyzed: AnalyzedText, first: number, sentenceEnd: number): number {
  const { tokens } = analyzed
  for (let i = first; i < sentenceEnd; i++) {
    if (tokens[i].text === ';') return i
    if (tokens[i].text === ',' && handsOver(analyzed, i + 1, sentenceEnd)) return i
  }
  return sentenceEnd
}

/** `but argued`, `the Velmora Courier reported`, `according to`: a new attribution at `first`. */
function handsOver(analyzed: AnalyzedText, first: number, sentenceEnd: number): boolean {
  const { tokens } = analyzed
  const joint = tokens[first]
  if (!joint) return false
  if (joint.normal === 'according') return true
  if (COORDINATORS.has(joint.normal))
    return first + 1 < sentenceEnd && !!cueVerbAt(analyzed, first + 1)
  if (isRelativePronoun(joint)) return false
  for (let cue = first + 1; cue < Math.min(sentenceEnd, first + HANDOVER_WINDOW); cue++) {
    if (!cueVerbAt(analyzed, cue)) continue
    return isNounPhrase(analyzed, first, trimBeforeCue(analyzed, first, cue))
  }
  return false
}

/** `[first, end)` without the punctuation that closes it (`,`, `.`), keeping quotation marks. */
export function trimStatement(analyzed: AnalyzedText, first: number, end: number): TokenSpan {
  const { tokens } = analyzed
  while (end > first && /^[,.;:!?…—–-]$/.test(tokens[end - 1].text)) end--
  return { first, end }
}

/**
 * Whether a reported statement is a clause: it has a verb, or follows `that` with a few words,
 * whatever the model made of its verb (`that the strike costs/NOUN 6 million`). `confirm that
 * account` is no clause.
 */
function isClause(analyzed: AnalyzedText, first: number, end: number, afterThat: boolean): boolean {
  return hasVerb(analyzed, first, end) || (afterThat && end - first >= MIN_CLAUSE_WORDS)
}

/** The hearer of `told`: `the Velmora Courier`, `reporters`, `councillors`. */
function skipHearer({ tokens }: AnalyzedText, first: number, end: number): number {
  let i = first
  while (i < end && /^(DET|ADJ|PROPN|NOUN|NUM|PRON|PART)$/.test(tokens[i].pos)) {
    if (tokens[i].normal === 'that') break
    i++
  }
  return i
}

/**
 * The index of `that` opening the statement, if it comes within a few words of no verb, or
 * after an aside between commas: `claimed, without offering evidence, that…`.
 */
function findThat({ tokens }: AnalyzedText, first: number, end: number): number | undefined {
  if (tokens[first]?.text === ',') {
    for (let i = first + 1; i < Math.min(end - 1, first + ASIDE_WINDOW); i++) {
      if (tokens[i].text === ',') return tokens[i + 1].normal === 'that' ? i + 1 : undefined
    }
    return undefined
  }
  for (let i = first; i < Math.min(end, first + THAT_WINDOW); i++) {
    const token = tokens[i]
    if (token.normal === 'that') return i
    if (isVerb(token) || token.pos === 'PUNCT') return undefined
  }
  return undefined
}

/** One past the closing mark of the first quotation in `[first, end)`. */
function firstQuotationEnd(
  { tokens }: AnalyzedText,
  first: number,
  end: number
): number | undefined {
  let opened = false
  for (let i = first; i < end; i++) {
    if (!isQuoteMark(tokens[i])) continue
    if (opened) return i + 1
    opened = true
  }
  return undefined
}
