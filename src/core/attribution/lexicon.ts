/** The rules table as lookups, built once: every question the finders ask of a word. */
import type { CueVerb } from './attributionRules'
import {
  CLAUSE_OPENERS,
  CUE_BLOCKERS,
  CUE_BLOCKING_TAGS,
  CUE_VERBS,
  DOCUMENT_NOUNS,
  EMPTY_STATEMENTS,
  INSTITUTION_NOUNS,
  OFFICE_NOUNS,
  ORGANISATION_NAME_WORDS,
  PLACE_NAME_WORDS,
  RELATIVE_PRONOUNS,
  TIME_WORDS,
  VERB_PREFIXES
} from './attributionRules'
import type { AnalyzedText, Token } from './analyzeText'

const CUE_BY_FORM = new Map<string, CueVerb>(
  CUE_VERBS.flatMap((cue) => cue.forms.map((form) => [form, cue] as const))
)
const sets = {
  openers: new Set(CLAUSE_OPENERS),
  relatives: new Set(RELATIVE_PRONOUNS),
  prefixes: new Set(VERB_PREFIXES),
  time: new Set(TIME_WORDS),
  empty: new Set(EMPTY_STATEMENTS),
  institutions: new Set(INSTITUTION_NOUNS),
  offices: new Set(OFFICE_NOUNS),
  documents: new Set(DOCUMENT_NOUNS),
  organisations: new Set(ORGANISATION_NAME_WORDS),
  places: new Set(PLACE_NAME_WORDS),
  blockingTags: new Set(CUE_BLOCKING_TAGS)
}

/** `CUE_BLOCKERS` by the word right before the cue, so most tokens cost one lookup. */
const BLOCKERS_BY_LAST_WORD = new Map<string, (readonly string[])[]>()
for (const words of CUE_BLOCKERS) {
  const last = words.at(-1)!
  BLOCKERS_BY_LAST_WORD.set(last, [...(BLOCKERS_BY_LAST_WORD.get(last) ?? []), words])
}

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„'])
const TERMINALS = new Set(['.', '!', '?', '…'])

/** Each text's cue verbs, read once: the finders ask about the same tokens many times. */
const cuesOf = new WeakMap<AnalyzedText, (CueVerb | undefined)[]>()

/**
 * The cue verb this token is, if it is one here: not after a word that makes it a noun, a
 * passive, an infinitive or a negation (`CUE_BLOCKERS`).
 */
export function cueVerbAt(analyzed: AnalyzedText, index: number): CueVerb | undefined {
  let cues = cuesOf.get(analyzed)
  if (!cues) {
    cues = analyzed.tokens.map((_, i) => readCueVerb(analyzed, i))
    cuesOf.set(analyzed, cues)
  }
  return cues[index]
}

function readCueVerb({ tokens }: AnalyzedText, index: number): CueVerb | undefined {
  const cue = CUE_BY_FORM.get(tokens[index].normal)
  if (!cue) return undefined
  const previous = tokens[index - 1]
  if (previous && previous.sentence === tokens[index].sentence) {
    if (sets.blockingTags.has(previous.pos)) return undefined
    if (previous.pos === 'NUM' && /\d/.test(previous.text)) return undefined
    const blocked = BLOCKERS_BY_LAST_WORD.get(previous.normal)?.some((words) =>
      words.every((word, k) => {
        const token = tokens[index - words.length + k]
        return token?.sentence === tokens[index].sentence && token.normal === word
      })
    )
    if (blocked) return undefined
  }
  // `its estimate of`, `warned of delays`: a noun, or no statement.
  if (tokens[index + 1]?.normal === 'of') return undefined
  return cue
}

export const isClauseOpener = (token: Token): boolean => sets.openers.has(token.normal)
export const isRelativePronoun = (token: Token): boolean => sets.relatives.has(token.normal)
export const isVerbPrefix = (token: Token): boolean => sets.prefixes.has(token.normal)
export const isTimeWord = (token: Token): boolean => sets.time.has(token.normal)
export const isEmptyStatement = (token: Token): boolean => sets.empty.has(token.normal)
export const isInstitutionNoun = (word: string): boolean => sets.institutions.has(word)
export const isOfficeNoun = (word: string): boolean => sets.offices.has(word)
export const isDocumentNoun = (word: string): boolean => sets.documents.has(word)
export const isOrganisationWord = (word: string): boolean => sets.organisations.has(word)
export const isPlaceWord = (word: string): boolean => sets.places.has(word)
export const isQuoteMark = (token: Token): boolean => QUOTE_MARKS.has(token.text)
export const isTerminal = (token: Token): boolean => TERMINALS.has(token.text)
export const isVerb = (token: Token): boolean => token.pos === 'VERB' || token.pos === 'AUX'
export const isCapitalised = (token: Token): boolean => /^\p{Lu}/u.test(token.text)
