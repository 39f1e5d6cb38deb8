import type { AnalyzedText, Sentence } from './analyzeText'
import type { TokenSpan } from './Draft'
import {
  isClauseOpener,
  isQuoteMark,
  isRelativePronoun,
  isTerminal,
  isTimeWord,
  isVerb,
  isVerbPrefix
} from './lexicon'
import { isNounPhrase } from './readNounPhrase'

/** `…, but argued that…`, `…, adding that…`: the cue's subject is the previous cue's. */
export const ELIDED = 'elided'

/**
 * The subject of the cue at `cue`, as written: from the start of its clause (the sentence, or
 * after `;`, `after`, `which`, `, but`…) to the cue, without an opening adverbial (`In a
 * statement, `), auxiliaries and adverbs (`has also`) or a time (`on Monday`) before the cue.
 * `ELIDED` when the clause has no subject of its own.
 */
export function claimantBefore(
  analyzed: AnalyzedText,
  cue: number
): TokenSpan | typeof ELIDED | undefined {
  const { tokens, sentences } = analyzed
  const sentence = sentences[tokens[cue].sentence]
  const sentenceStart = sentence.body
  const joint = tokens[trimBeforeCue(analyzed, sentenceStart, cue) - 1]
  if (joint && (joint.normal === 'and' || joint.normal === 'but')) return ELIDED
  // `…, said Sanne Brekke, adding that…`: the participle's subject is the speaker's.
  if (tokens[cue - 1]?.text === ',' && tokens[cue].normal.endsWith('ing')) return ELIDED
  // The nearest clause start that leaves a noun phrase: a `because` inside a relative
  // clause (`who asked not to be named because…`) is not where the subject starts.
  for (let i = cue - 1; i >= sentenceStart - 1; i--) {
    if (i >= sentenceStart && !opensClause(analyzed, i, sentenceStart)) continue
    const start = i + 1
    // A quotation's words are never its own attribution's subject.
    if (i >= sentenceStart && isQuoteMark(tokens[i])) return undefined
    const end = trimBeforeCue(analyzed, start, cue)
    if (end === start) continue
    const first = skipOpeningAdverbial(analyzed, start, end)
    if (isNounPhrase(analyzed, first, end)) return { first, end }
  }
  return undefined
}

/** Whether a clause can start after token `i`: `;`, `after`, `which`, `, but`… */
function opensClause(analyzed: AnalyzedText, i: number, sentenceStart: number): boolean {
  const token = analyzed.tokens[i]
  if (token.text === ';' || token.text === ':' || isQuoteMark(token) || isClauseOpener(token))
    return true
  // `which the council calls…`: a new subject; `who chairs the association` is the subject's.
  if (isRelativePronoun(token))
    return token.normal !== 'who' || /^(DET|PRON|PROPN)$/.test(analyzed.tokens[i + 1]?.pos ?? '')
  const coordinator = token.normal === 'and' || token.normal === 'but'
  return (
    coordinator && (analyzed.tokens[i - 1]?.text === ',' || hasVerb(analyzed, sentenceStart, i))
  )
}

/**
 * The claimant after an inverted cue (`said Ilse Marrow, secretary of the union`), up to the
 * sentence's end, the next quotation (`, “until…`), or a participle that is no longer the
 * claimant (`, defending the increase`).
 */
export function claimantAfter(analyzed: AnalyzedText, first: number): TokenSpan | undefined {
  const { tokens, sentences } = analyzed
  const sentence = sentences[tokens[first]?.sentence ?? -1]
  if (!sentence) return undefined
  let end = first
  while (end < sentence.end) {
    const token = tokens[end]
    if (isTerminal(token) || token.text === ';' || isQuoteMark(token)) break
    const next = tokens[end + 1]
    if (token.text === ',' && next) {
      const participle = next.pos === 'VERB' && next.normal.endsWith('ing')
      if (isQuoteMark(next) || next.normal === 'according' || participle) break
    }
    end++
  }
  end = trimTrailingTime(analyzed, first, end)
  while (end > first && tokens[end - 1].text === ',') end--
  return isNounPhrase(analyzed, first, end) ? { first, end } : undefined
}

/**
 * One past the subject's last token when the cue is at `cue`: auxiliaries, adverbs, a time
 * phrase and a closing comma (`Its president, Agnes Kuro, said`) are not the claimant.
 */
export function trimBeforeCue(analyzed: AnalyzedText, start: number, cue: number): number {
  const { tokens } = analyzed
  let end = cue
  for (;;) {
    const previous = end - 1
    if (previous < start) return end
    const token = tokens[previous]
    if (token.text === ',' || isVerbPrefix(token) || token.pos === 'ADV') end = previous
    else {
      const timed = trimTrailingTime(analyzed, start, end)
      if (timed === end) return end
      end = timed
    }
  }
}

/** Removes a trailing time phrase (`on Monday`, `on Tuesday evening`), never the whole span. */
function trimTrailingTime({ tokens }: AnalyzedText, start: number, end: number): number {
  let i = end
  while (i > start && isTimeWord(tokens[i - 1])) i--
  return i > start ? i : end
}

/** `In a note to clients on Wednesday, they`: the subject starts after the comma. */
function skipOpeningAdverbial(analyzed: AnalyzedText, start: number, end: number): number {
  const { tokens } = analyzed
  const opening = tokens[start]
  const adverbial =
    opening.pos === 'ADP' ||
    opening.pos === 'SCONJ' ||
    opening.pos === 'ADV' ||
    opening.pos === 'CCONJ' ||
    (opening.pos === 'VERB' && !isNounPhrase(analyzed, start, end))
  if (!adverbial) return start
  if (opening.pos === 'CCONJ' && isNounPhrase(analyzed, start + 1, end)) return start + 1
  for (let i = start + 1; i < end - 1; i++) {
    if (tokens[i].text === ',' && isNounPhrase(analyzed, i + 1, end)) return i + 1
  }
  return start
}

/** Whether `[first, end)` has a verb. */
export function hasVerb({ tokens }: AnalyzedText, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (isVerb(tokens[i])) return true
  return false
}

/** The subject a sentence opens with: its words before the first verb, if a noun phrase. */
export function sentenceSubject(analyzed: AnalyzedText, sentence: Sentence): TokenSpan | undefined {
  const { tokens } = analyzed
  for (let verb = sentence.body + 1; verb < sentence.end; verb++) {
    if (!isVerb(tokens[verb])) continue
    const end = trimBeforeCue(analyzed, sentence.body, verb)
    return isNounPhrase(analyzed, sentence.body, end) ? { first: sentence.body, end } : undefined
  }
  return undefined
}
