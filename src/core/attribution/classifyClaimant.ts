import { ANONYMITY_FORMULAE } from './attributionRules'
import type { AnalyzedText } from './analyzeText'
import type { TokenSpan } from './Draft'
import type { NameMention } from './findNameMentions'
import type { SuggestedAttribution } from '../../shared/suggestion'
import {
  isDocumentNoun,
  isInstitutionNoun,
  isOfficeNoun,
  isRelativePronoun,
  isVerb
} from './lexicon'

const FORMULAE = ANONYMITY_FORMULAE.map((formula) => ` ${formula} `)
/** `economists at the bank`, `a spokeswoman for the operator`: people speaking for a name. */
const MEMBERSHIP = new Set(['at', 'from', 'for', 'with'])

/**
 * Named when the claimant can be identified: a person's name, an organisation, an office
 * or a document (`their association`, `Minister`, `a leaked memo`), or people at a named organisation (`Economists at
 * Velmora Commercial Bank`). Anonymous otherwise, and always with an anonymity formula
 * (`asked not to be named`, `close to the talks`, `only her first name`).
 */
export function classifyClaimant(
  analyzed: AnalyzedText,
  span: TokenSpan,
  names: NameMention[]
): SuggestedAttribution {
  const { tokens } = analyzed
  const words = ` ${tokens
    .slice(span.first, span.end)
    .map((token) => token.normal)
    .join(' ')} `
  if (FORMULAE.some((formula) => words.includes(formula))) return 'anonymous'
  const inside = names.filter((name) => name.first >= span.first && name.end <= span.end)
  if (inside.some((name) => name.kind === 'person')) return 'named'
  const head = headNoun(analyzed, span)
  if (head === undefined) return 'anonymous'
  const word = tokens[head].normal
  if (isInstitutionNoun(word) || isDocumentNoun(word) || isOfficeNoun(word)) return 'named'
  const organisation = inside.find((name) => name.kind === 'organisation')
  if (organisation && organisation.first <= head && head < organisation.end) return 'named'
  return speaksFor(analyzed, head, span, names) ? 'named' : 'anonymous'
}

/** `Economists at Velmora Commercial Bank`, `figures from the regional health board`. */
function speaksFor(
  analyzed: AnalyzedText,
  head: number,
  span: TokenSpan,
  names: NameMention[]
): boolean {
  const { tokens } = analyzed
  const joint = tokens[head + 1]
  if (head + 1 >= span.end || !MEMBERSHIP.has(joint.normal)) return false
  const rest = { first: head + 2, end: span.end }
  const organisation = names.find(
    (name) => name.kind === 'organisation' && name.first >= rest.first && name.end <= rest.end
  )
  const body = headNoun(analyzed, rest)
  return (
    organisation !== undefined || (body !== undefined && isInstitutionNoun(tokens[body].normal))
  )
}

/**
 * The index of the claimant's head noun: the last noun before its first preposition,
 * comma, relative clause or participle (`report` in `A report by the agency`, `association`
 * in `The harbour pilots’ association`).
 */
export function headNoun({ tokens }: AnalyzedText, span: TokenSpan): number | undefined {
  let head: number | undefined
  for (let i = span.first; i < span.end; i++) {
    const token = tokens[i]
    const stops =
      token.text === ',' ||
      token.pos === 'ADP' ||
      isRelativePronoun(token) ||
      (isVerb(token) && head !== undefined)
    if (stops) break
    // The model tags some plural nouns as verbs (`figures from the board`).
    if (/^(NOUN|PROPN|NUM|PRON|VERB)$/.test(token.pos)) head = i
  }
  return head
}
