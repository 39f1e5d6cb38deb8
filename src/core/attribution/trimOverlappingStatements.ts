import type { AnalyzedText } from './analyzeText'
import type { Draft } from './Draft'
import { isClauseOpener } from './lexicon'
import { trimStatement } from './readStatement'

/**
 * Ends a reported statement where a later claim in it begins: in `denied that it had cut the
 * budget, after a leaked memo suggested the work would be postponed`, the denial stops before
 * `a leaked memo`. Trims in place (drafts that share a claimant point at
 * each other); quotations keep their words, and no draft is trimmed to nothing.
 */
export function trimOverlappingStatements(analyzed: AnalyzedText, drafts: Draft[]): void {
  const { tokens } = analyzed
  for (const draft of drafts) {
    if (draft.quoted) continue
    let end = draft.statement.end
    const sentence = tokens[draft.cue.first].sentence
    for (const other of drafts) {
      if (other === draft || other.cue.first <= draft.cue.first) continue
      if (tokens[other.cue.first].sentence !== sentence) continue
      const begins = Math.min(
        other.claimant?.first ?? Infinity,
        other.cue.first,
        other.statement.first
      )
      if (begins > draft.statement.first && begins < end) end = begins
    }
    if (end === draft.statement.end) continue
    while (end > draft.statement.first) {
      const last = tokens[end - 1]
      if (last.pos !== 'PUNCT' && last.pos !== 'CCONJ' && !isClauseOpener(last)) break
      end--
    }
    const statement = trimStatement(analyzed, draft.statement.first, end)
    if (statement.end > statement.first) draft.statement = statement
  }
}
