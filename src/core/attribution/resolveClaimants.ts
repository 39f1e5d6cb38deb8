import type { AnalyzedText } from './analyzeText'
import type { ResolvedClaimant } from './Discourse'
import { Discourse } from './Discourse'
import type { Draft, TokenSpan } from './Draft'
import { findNameMentions } from './findNameMentions'
import { sentenceSubject } from './readClaimant'
import type { Suggestion } from '../../shared/suggestion'

/** What the discourse reads, in text order; at one position names come before claims. */
type Event =
  | { at: number; order: 0; name: ReturnType<typeof findNameMentions>[number] }
  | { at: number; order: 1; pronoun: number }
  | { at: number; order: 1; subject: TokenSpan }
  | { at: number; order: 2; draft: Draft; claimant: TokenSpan }

/**
 * Turns drafts into suggestions: each claimant read in text order against what came before
 * it (see `Discourse`), so `she added` gets the person quoted before and `the spokesperson`
 * the spokesperson named earlier; hedges get no claimant, shared claimants their source's.
 */
export function resolveClaimants(analyzed: AnalyzedText, drafts: Draft[]): Suggestion[] {
  const { tokens, sentences } = analyzed
  const names = findNameMentions(analyzed)
  const discourse = new Discourse(analyzed, names)
  const events: Event[] = names.map((name) => ({ at: name.first, order: 0, name }))
  const inClaimant = new Set<number>()
  for (const draft of drafts) {
    if (!draft.claimant) continue
    events.push({ at: draft.claimant.end - 1, order: 2, draft, claimant: draft.claimant })
    for (let i = draft.claimant.first; i < draft.claimant.end; i++) inClaimant.add(i)
  }
  for (const sentence of sentences) {
    const first = sentence.body
    const token = tokens[first]
    if (!token || sentence.headline || inClaimant.has(first)) continue
    if (/^(he|she)$/.test(token.normal)) events.push({ at: first, order: 1, pronoun: first })
    const subject = sentenceSubject(analyzed, sentence)
    if (subject) events.push({ at: first, order: 1, subject })
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order)
  const resolved = new Map<Draft, ResolvedClaimant>()
  for (const event of events) {
    if (event.order === 0) discourse.mention(event.name)
    else if (event.order === 1) {
      if ('pronoun' in event) discourse.refer(event.pronoun)
      else discourse.subject(event.subject)
    } else resolved.set(event.draft, discourse.claimantOf(event.claimant))
  }
  const claimantOf = (draft: Draft): ResolvedClaimant | undefined =>
    draft.sameClaimantAs ? claimantOf(draft.sameClaimantAs) : resolved.get(draft)
  return drafts.flatMap((draft): Suggestion[] => {
    const claimant = draft.unattributed ? undefined : claimantOf(draft)
    if (!draft.unattributed && !claimant) return []
    return [suggestion(analyzed, draft, claimant)]
  })
}

function suggestion(
  { text, tokens }: AnalyzedText,
  draft: Draft,
  claimant: ResolvedClaimant | undefined
): Suggestion {
  const span = (of: TokenSpan): [number, number] => [tokens[of.first].start, tokens[of.end - 1].end]
  const [start, end] = span(draft.statement)
  const [cueStart, cueEnd] = span(draft.cue)
  const found: Suggestion = {
    start,
    end,
    quote: text.slice(start, end),
    claimant: '',
    cue: text.slice(cueStart, cueEnd),
    cueStart,
    cueEnd,
    attribution: claimant?.attribution ?? 'unattributed'
  }
  if (!claimant) return found
  const [claimantStart, claimantEnd] = span(claimant.display)
  Object.assign(found, {
    claimant: text.slice(claimantStart, claimantEnd),
    claimantStart,
    claimantEnd
  })
  if (claimant.reference) {
    const [referenceStart, referenceEnd] = span(claimant.reference)
    Object.assign(found, { referenceStart, referenceEnd })
  }
  return found
}
