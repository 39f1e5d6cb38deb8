import type { AnalyzedText } from './analyzeText'
import type { Draft } from './Draft'
import { cueVerbAt } from './lexicon'
import { claimantBefore, ELIDED, sentenceSubject } from './readClaimant'
import { statementAfter, statementBefore } from './readStatement'

/** Frames that can follow their statement: `…, the police said`, `…, she told councillors`. */
const FRAMES_AFTER_STATEMENT = new Set(['clause', 'that-clause', 'object-clause'])

/**
 * Reported speech around every cue verb outside quotations and not already used by a
 * quotation: `Marrow said the diversions proved…`, `The extension will pay for itself, the
 * deputy mayor told councillors`. A cue whose subject is left out (`…, but argued that…`,
 * `…, adding that…`) shares the claimant of the claim before it in the sentence, quotations'
 * included.
 */
export function findIndirectSpeech(
  analyzed: AnalyzedText,
  quoted: boolean[],
  direct: Draft[]
): Draft[] {
  const { tokens, sentences } = analyzed
  const usedCues = new Set(direct.map((draft) => draft.cue.first))
  const drafts: Draft[] = []
  const previousIn = (cue: number): Draft | undefined =>
    [...direct, ...drafts]
      .filter(
        (draft) =>
          draft.cue.first < cue && tokens[draft.cue.first].sentence === tokens[cue].sentence
      )
      .sort((a, b) => a.cue.first - b.cue.first)
      .at(-1)
  for (let i = 0; i < tokens.length; i++) {
    if (quoted[i] || usedCues.has(i)) continue
    const cue = cueVerbAt(analyzed, i)
    if (!cue) continue
    const cueSpan = { first: i, end: i + 1 }
    const after = statementAfter(analyzed, i, cue.frame)
    if (after) {
      const claimant = claimantBefore(analyzed, i)
      if (claimant === ELIDED) {
        // `said it had approved funding and expected…`: inside a statement, part of it.
        const previous = previousIn(i)
        const within = previous && previous.statement.first < i && i < previous.statement.end
        if (previous && !within)
          drafts.push({ statement: after, cue: cueSpan, sameClaimantAs: previous })
        // `She rejected the claim, saying that…`: no claim before it, so the sentence's subject.
        const subject = previous
          ? undefined
          : sentenceSubject(analyzed, sentences[tokens[i].sentence])
        if (subject) drafts.push({ statement: after, cue: cueSpan, claimant: subject })
      } else if (claimant) drafts.push({ statement: after, cue: cueSpan, claimant })
      continue
    }
    if (!FRAMES_AFTER_STATEMENT.has(cue.frame)) continue
    const before = statementBefore(analyzed, i, cue.frame)
    if (before) drafts.push({ ...before, cue: cueSpan })
  }
  return drafts
}
