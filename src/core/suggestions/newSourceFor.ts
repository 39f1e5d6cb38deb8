import { REFERRING_PRONOUNS } from '../attribution/attributionRules'
import { isDocumentNoun, isOrganisationWord } from '../attribution/lexicon'
import type { SourceKind } from '../../shared/source'
import type { Suggestion } from '../../shared/suggestion'

/** Lower-case words a proper name may contain: `Bank of Velmora`, `Ana de la Cruz`. */
const NAME_LINKS = new Set(['of', 'the', 'for', 'and', 'de', 'la', 'del', 'van', 'von', 'der'])
const CAPITALISED = /^\p{Lu}/u

/**
 * The registry entry a claimant the registry does not have becomes, or undefined when there
 * is no one to enter (a hedge, or a pronoun the finder could not resolve). Anonymous
 * claimants are entered as written, kind `anonymous`. A named one is entered by its proper
 * name, without the role beside it (`Tomas Reyl` for `Its spokesperson, Tomas Reyl`), or as
 * written when it has none (`the transport ministry`): an organisation when a word of it is
 * one of an organisation's (`Union`, `Bank`, `ministry`), a document when its last word is
 * one (`report`), else a person.
 */
export function newSourceFor({
  claimant,
  attribution
}: Pick<Suggestion, 'claimant' | 'attribution'>): { name: string; kind: SourceKind } | undefined {
  const written = claimant.trim()
  if (attribution === 'unattributed' || written === '') return undefined
  if (Object.hasOwn(REFERRING_PRONOUNS, written.toLowerCase())) return undefined
  if (attribution === 'anonymous') return { name: written, kind: 'anonymous' }
  const name = written.split(',').map(properName).find(Boolean) ?? written
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  if (words.some(isOrganisationWord)) return { name, kind: 'organisation' }
  if (isDocumentNoun(words.at(-1) ?? '')) return { name, kind: 'document' }
  return { name, kind: 'person' }
}

/** The part as a proper name (`Port Authority` for `The Port Authority`), if it is one. */
function properName(part: string): string | undefined {
  const words = part.trim().split(/\s+/)
  if (words[0] === 'The' && words.length > 1) words.shift()
  const proper =
    CAPITALISED.test(words[0] ?? '') &&
    words.every((word) => CAPITALISED.test(word) || NAME_LINKS.has(word))
  return proper ? words.join(' ') : undefined
}
