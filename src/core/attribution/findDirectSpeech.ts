import type { AnalyzedText } from './analyzeText'
import type { Draft, TokenSpan } from './Draft'
import type { Quotation } from './findQuotations'
import { cueVerbAt, isQuoteMark, isRelativePronoun, isTerminal, isVerb } from './lexicon'
import { claimantAfter, claimantBefore, trimBeforeCue } from './readClaimant'
import { isNounPhrase } from './readNounPhrase'

/** How many words may stand between a quotation and its cue: `,” the minister, Dario Velt, insisted`. */
const ATTRIBUTION_WINDOW = 14
const SPEECH_FRAMES = new Set(['clause', 'object-clause'])

interface Attribution {
  cue: number
  claimant: TokenSpan
  /** One past the attribution's last token. */
  end: number
}

/**
 * Quotations with their attribution after them (`"…," said Ilse Marrow`, `“…,” she told the
 * Courier`) or before them (`Marrow said: “…”`, `The agency was cautious: "…"`). A quotation
 * split around its cue (`“We will stay out,” she said, “until…”`) is one claim from the first
 * quoted word to the last. Quotations with neither stay for the other finders: they may be
 * part of a reported statement or continue the previous speaker's.
 */
export function findDirectSpeech(analyzed: AnalyzedText, quotations: Quotation[]): Draft[] {
  const { tokens } = analyzed
  const drafts: Draft[] = []
  for (let q = 0; q < quotations.length; q++) {
    const quotation = quotations[q]
    if (quotation.close - quotation.open < 2) continue
    // A quotation ending in a full stop is a finished sentence: what follows is not its cue.
    const finished = tokens[quotation.close - 1].text === '.'
    const after = finished ? undefined : attributionAfter(analyzed, quotation.close)
    if (after) {
      let last = quotation
      const next = quotations[q + 1]
      const resumes =
        next &&
        (next.open === after.end || (next.open === after.end + 1 && tokens[after.end].text === ','))
      if (resumes) {
        last = next
        q++
      }
      drafts.push({
        statement: quotedStatement(analyzed, quotation, last),
        cue: { first: after.cue, end: after.cue + 1 },
        claimant: after.claimant,
        quoted: true
      })
      continue
    }
    const before = attributionBefore(analyzed, quotation)
    if (before) {
      drafts.push({
        statement: quotedStatement(analyzed, quotation, quotation),
        cue: before.cue,
        claimant: before.claimant,
        quoted: true
      })
    }
  }
  return drafts
}

/** `said Ilse Marrow, …` or `she said`, after the closing mark at `closing`. */
function attributionAfter(analyzed: AnalyzedText, closing: number): Attribution | undefined {
  const { tokens, sentences } = analyzed
  // `"…", she said`, as some writers put the comma.
  const first = tokens[closing + 1]?.text === ',' ? closing + 2 : closing + 1
  const paragraph = (index: number): number => sentences[tokens[index].sentence].paragraph
  if (!tokens[first] || paragraph(first) !== paragraph(closing)) return undefined
  const inverted = speechCueAt(analyzed, first)
  if (inverted) {
    const claimant = claimantAfter(analyzed, first + 1)
    return claimant && { cue: first, claimant, end: claimant.end }
  }
  for (let cue = first + 1; cue < Math.min(tokens.length, first + ATTRIBUTION_WINDOW); cue++) {
    const token = tokens[cue]
    if (isTerminal(token) || isQuoteMark(token) || token.text === ';') return undefined
    if (!speechCueAt(analyzed, cue)) continue
    const end = trimBeforeCue(analyzed, first, cue)
    if (!isNounPhrase(analyzed, first, end)) return undefined
    return { cue, claimant: { first, end }, end: attributionEnd(analyzed, cue + 1) }
  }
  return undefined
}

/** `Marrow said: “…”`, `She added, “…”`, or a subject and a colon: `The agency was cautious: "…"`. */
function attributionBefore(
  analyzed: AnalyzedText,
  quotation: Quotation
): { cue: TokenSpan; claimant: TokenSpan } | undefined {
  const { tokens, sentences } = analyzed
  const sentence = sentences[tokens[quotation.open].sentence]
  const mark = tokens[quotation.open - 1]
  if (!mark || quotation.open === sentence.first) return undefined
  const joined = mark.text === ',' || mark.text === ':'
  const cue = joined ? quotation.open - 2 : quotation.open - 1
  if (cue >= sentence.first && speechCueAt(analyzed, cue)) {
    const claimant = claimantBefore(analyzed, cue)
    return typeof claimant === 'object'
      ? { cue: { first: cue, end: cue + 1 }, claimant }
      : undefined
  }
  if (mark.text !== ':' || !endsSentence(analyzed, quotation)) return undefined
  const start = sentence.body
  let modifier = false
  for (let verb = start + 1; verb < quotation.open - 1; verb++) {
    const token = tokens[verb]
    // The subject's own relative clause (`who asked not to be named`) ends at a comma.
    if (isRelativePronoun(token)) modifier = true
    else if (token.text === ',') modifier = false
    if (modifier || !isVerb(token)) continue
    let end = verb
    while (end > start && tokens[end - 1].text === ',') end--
    if (!isNounPhrase(analyzed, start, end)) return undefined
    return { cue: { first: verb, end: quotation.open - 1 }, claimant: { first: start, end } }
  }
  return undefined
}

/** A verb of speech here: those that can stand beside a quotation (not `found`, `called`). */
function speechCueAt(analyzed: AnalyzedText, index: number): boolean {
  const cue = cueVerbAt(analyzed, index)
  return cue !== undefined && SPEECH_FRAMES.has(cue.frame)
}

/** One past the attribution that starts at `first`: before `, “` or the sentence's end. */
function attributionEnd({ tokens, sentences }: AnalyzedText, first: number): number {
  const end = sentences[tokens[first - 1].sentence].end
  for (let i = first; i < end; i++) {
    if (tokens[i].text === ',' && tokens[i + 1] && isQuoteMark(tokens[i + 1])) return i
    if (isTerminal(tokens[i]) || isQuoteMark(tokens[i])) return i
  }
  return end
}

function endsSentence({ tokens }: AnalyzedText, quotation: Quotation): boolean {
  const next = tokens[quotation.close + 1]
  return !next || next.sentence !== tokens[quotation.close].sentence || isTerminal(next)
}

/** From the first quoted word of `from` to the last of `to`, without a closing comma. */
function quotedStatement(analyzed: AnalyzedText, from: Quotation, to: Quotation): TokenSpan {
  let end = to.close
  while (end > from.open + 1 && analyzed.tokens[end - 1].text === ',') end--
  return { first: from.open + 1, end }
}
