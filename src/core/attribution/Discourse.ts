import { GENDERED_ROLES, REFERRING_PRONOUNS } from './attributionRules'
import type { AnalyzedText } from './analyzeText'
import { classifyClaimant, headNoun } from './classifyClaimant'
import type { TokenSpan } from './Draft'
import type { NameMention } from './findNameMentions'
import { isDocumentNoun, isInstitutionNoun, isRelativePronoun } from './lexicon'
import type { SuggestedAttribution } from '../../shared/suggestion'

type Gender = 'female' | 'male'

/** Someone or something the article has mentioned, that a later reference may stand for. */
interface Entity {
  kind: 'person' | 'organisation' | 'group' | 'document'
  /** Lower-case words of a person's or an organisation's name. */
  name?: string[]
  /** How to write it in a suggestion: its first mention as a claimant, else its name. */
  display: TokenSpan
  displayIsClaimant: boolean
  /** Nouns a short reference can use for it: `the union`, `the study`, `the association`. */
  heads: Set<string>
  /** A person's roles: `the spokesperson`, `the deputy mayor`. */
  roles: Set<string>
  gender?: Gender
  attribution: SuggestedAttribution
  /** Token index of its latest mention: references go to the most recent fitting entity. */
  lastSeen: number
}

/** A claim's claimant after resolution. */
export interface ResolvedClaimant {
  display: TokenSpan
  /** The pronoun or short reference that was resolved to `display`. */
  reference?: TokenSpan
  attribution: SuggestedAttribution
}

/**
 * What the article has mentioned so far, read in text order: names, claimants and the
 * pronouns that refer back to them. Pronouns go to the most recent entity that fits (`she`:
 * a person not known to be male; `it`: an organisation or document), and each resolution
 * teaches the person's sex, so that `he` and `she` tell two speakers apart later on.
 */
export class Discourse {
  readonly #analyzed: AnalyzedText
  readonly #names: NameMention[]
  readonly #entities: Entity[] = []
  /** The named ones by their name's words, so a mention finds its entity in one lookup. */
  readonly #byName = new Map<string, Entity>()
  /** The named people among them, which surnames are looked up in. */
  readonly #people: Entity[] = []

  constructor(analyzed: AnalyzedText, names: NameMention[]) {
    this.#analyzed = analyzed
    this.#names = names
  }

  /** A name in the text: a new entity, or a recent mention of a known one. */
  mention(name: NameMention): void {
    if (name.kind === 'person' || name.kind === 'organisation') {
      this.#named(name).lastSeen = name.first
    } else if (name.kind === 'single') {
      const known = this.#bySingleName(name.words[0])
      if (known) known.lastSeen = name.first
    }
  }

  /**
   * A sentence's subject that is no claimant (`Three shipping lines have asked the court…`):
   * a group, an organisation or a document that `the lines`, `they` or `it` may stand for.
   */
  subject(span: TokenSpan): void {
    const { tokens } = this.#analyzed
    const head = headNoun(this.#analyzed, span)
    const named = this.#namesIn(span).length > 0
    if (head === undefined || named || tokens[head].pos === 'PRON') return
    const kind = kindOf(tokens[head].normal)
    if (kind === 'person') return
    this.#entities.push({
      kind,
      display: span,
      displayIsClaimant: false,
      heads: new Set([tokens[head].normal]),
      roles: new Set(),
      attribution: classifyClaimant(this.#analyzed, span, this.#names),
      lastSeen: span.first
    })
  }

  /** A pronoun outside any claimant (`He declined to say…`): it still says who is in view. */
  refer(pronoun: number): void {
    this.#referent(this.#analyzed.tokens[pronoun].normal, pronoun)
  }

  /** The claimant written at `span`, resolved when it refers back to an entity. */
  claimantOf(span: TokenSpan): ResolvedClaimant {
    const { tokens } = this.#analyzed
    const at = span.end - 1
    const resolved = (entity: Entity): ResolvedClaimant => {
      entity.lastSeen = at
      return { display: entity.display, reference: span, attribution: entity.attribution }
    }
    if (
      span.end - span.first === 1 &&
      Object.hasOwn(REFERRING_PRONOUNS, tokens[span.first].normal)
    ) {
      const pronoun = tokens[span.first].normal
      const entity = this.#referent(pronoun, at)
      if (entity) return resolved(entity)
      return { display: span, attribution: pronoun === 'they' ? 'anonymous' : 'named' }
    }
    const shortReference = this.#shortReference(span)
    if (shortReference) return resolved(shortReference)
    const inside = this.#namesIn(span)
    const person = inside.find((name) => name.kind === 'person')
    if (person) {
      const entity = this.#named(person)
      this.#claim(entity, span)
      for (const role of this.#rolesIn(span, person)) entity.roles.add(role)
      entity.gender ??= [...entity.roles].map((role) => GENDERED_ROLES[role]).find(Boolean)
      return { display: span, attribution: 'named' }
    }
    // `Marrow`, `Lindahl, who has started a petition`: a surname heading the claimant.
    const single = inside.find((name) => name.kind === 'single' && name.first === span.first)
    // `Dražić’s critics` are not Dražić.
    const possessive = single && /^['’]s$/.test(tokens[single.end]?.normal ?? '')
    if (single && !possessive) {
      const entity = this.#bySingleName(single.words[0])
      if (entity) return resolved(entity)
    }
    const head = headNoun(this.#analyzed, span)
    const document = this.#sameDocument(span, head, inside)
    if (document) return resolved(document)
    const attribution = classifyClaimant(this.#analyzed, span, this.#names)
    const organisation = inside.find(
      (name) =>
        name.kind === 'organisation' && head !== undefined && name.first <= head && head < name.end
    )
    if (organisation) {
      const entity = this.#named(organisation)
      this.#claim(entity, span)
      entity.attribution = attribution
      return { display: span, attribution }
    }
    const word = head === undefined ? '' : tokens[head].normal
    const kind = kindOf(word)
    const gender = GENDERED_ROLES[word]
    this.#entities.push({
      kind,
      display: span,
      displayIsClaimant: true,
      heads: new Set(word ? [word] : []),
      roles: new Set(),
      ...(gender ? { gender } : {}),
      attribution,
      lastSeen: at
    })
    return { display: span, attribution }
  }

  /** The entity a person's or organisation's name stands for, made on its first mention. */
  #named(name: NameMention): Entity {
    const key = name.words.join(' ')
    const known =
      this.#byName.get(key) ?? (name.words.length === 1 ? this.#bySingleName(key) : undefined)
    if (known) return known
    const entity: Entity = {
      kind: name.kind === 'person' ? 'person' : 'organisation',
      name: name.words,
      display: { first: name.first, end: name.end },
      displayIsClaimant: false,
      heads: new Set(name.kind === 'organisation' ? [organisationHead(name.words)] : []),
      roles: new Set(),
      ...(name.gender ? { gender: name.gender } : {}),
      attribution: 'named',
      lastSeen: name.first
    }
    this.#entities.push(entity)
    this.#byName.set(key, entity)
    if (entity.kind === 'person') this.#people.push(entity)
    return entity
  }

  /** The first claimant mention of an entity is how suggestions write it from then on. */
  #claim(entity: Entity, span: TokenSpan): void {
    if (!entity.displayIsClaimant) {
      entity.display = span
      entity.displayIsClaimant = true
    }
    entity.lastSeen = span.end - 1
  }

  /** The most recent person with this surname or first name (`Marrow`). */
  #bySingleName(word: string): Entity | undefined {
    let best: Entity | undefined
    for (const person of this.#people) {
      const fits = person.name!.at(-1) === word || person.name![0] === word
      if (fits && (!best || person.lastSeen >= best.lastSeen)) best = person
    }
    return best
  }

  /** `the spokesperson`, `the deputy mayor`, `the association`: `the` and one or two nouns. */
  #shortReference(span: TokenSpan): Entity | undefined {
    const { tokens } = this.#analyzed
    const length = span.end - span.first
    if (length < 2 || length > 3 || tokens[span.first].normal !== 'the') return undefined
    const words = tokens.slice(span.first + 1, span.end)
    if (!words.every((token) => /^(NOUN|ADJ)$/.test(token.pos) && /^\p{Ll}/u.test(token.text)))
      return undefined
    const noun = words.at(-1)!.normal
    // Only to a fuller mention: `the transport ministry` does not stand for a headline's `Ministry`.
    const fuller = (entity: Entity): boolean =>
      entity.name !== undefined || entity.display.end - entity.display.first > length
    return (
      this.#latest(
        (entity) => entity.kind !== 'person' && entity.heads.has(noun) && fuller(entity)
      ) ??
      this.#latest((entity) => (entity.roles.has(noun) || entity.heads.has(noun)) && fuller(entity))
    )
  }

  /**
   * `The survey of 1,200 voters found…` after `a poll by Sondra Research`: a definite
   * document with no name of its own is the document last cited, when that one says more.
   */
  #sameDocument(
    span: TokenSpan,
    head: number | undefined,
    inside: NameMention[]
  ): Entity | undefined {
    const { tokens } = this.#analyzed
    if (head === undefined || inside.length > 0 || tokens[span.first].normal !== 'the')
      return undefined
    if (!isDocumentNoun(tokens[head].normal)) return undefined
    const length = span.end - span.first
    return this.#latest(
      (entity) => entity.kind === 'document' && entity.display.end - entity.display.first > length
    )
  }

  /** The most recent entity a pronoun can stand for; teaches a person's sex on the way. */
  #referent(pronoun: string, at: number): Entity | undefined {
    const wants = REFERRING_PRONOUNS[pronoun]
    if (wants === 'female' || wants === 'male') {
      const person = this.#latest(
        (entity) =>
          entity.kind === 'person' && entity.lastSeen <= at && (entity.gender ?? wants) === wants
      )
      if (person) {
        person.gender = wants
        person.lastSeen = at
      }
      return person
    }
    const kinds = wants === 'group' ? ['group', 'organisation'] : ['organisation', 'document']
    return this.#latest((entity) => kinds.includes(entity.kind) && entity.lastSeen <= at)
  }

  /** The names within `span`; names are in text order, so a binary search finds the first. */
  #namesIn(span: TokenSpan): NameMention[] {
    const names = this.#names
    let low = 0
    let high = names.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (names[middle].first < span.first) low = middle + 1
      else high = middle
    }
    const inside: NameMention[] = []
    for (let i = low; i < names.length && names[i].first < span.end; i++)
      if (names[i].end <= span.end) inside.push(names[i])
    return inside
  }

  #latest(fits: (entity: Entity) => boolean): Entity | undefined {
    let best: Entity | undefined
    for (const entity of this.#entities)
      if (fits(entity) && (!best || entity.lastSeen >= best.lastSeen)) best = entity
    return best
  }

  /**
   * The roles a claimant gives a person: head nouns of its other words (`spokesperson` in `A
   * spokesperson, Tomas Reyl`; `executive` in `Port Authority chief executive Anton Grieg`),
   * not the nouns after a preposition (`for the operator`) or inside a relative clause.
   */
  #rolesIn(span: TokenSpan, person: NameMention): string[] {
    const { tokens } = this.#analyzed
    const roles: string[] = []
    let skipping = false
    for (let i = span.first; i < span.end; i++) {
      const token = tokens[i]
      if (token.text === ',') skipping = false
      else if (token.pos === 'ADP' || isRelativePronoun(token)) skipping = true
      if (skipping || (i >= person.first && i < person.end)) continue
      const next = tokens[i + 1]
      const endsPhrase =
        i + 1 === span.end || i + 1 === person.first || /^(PUNCT|ADP|PROPN)$/.test(next.pos)
      if (token.pos === 'NOUN' && /^\p{Ll}/u.test(token.text) && endsPhrase && next?.text !== '-')
        roles.push(token.normal)
    }
    return roles
  }
}

/** `union` for `Velmora Dockers' Union`, `chamber` for `Lacerne Chamber of Commerce`. */
function organisationHead(words: string[]): string {
  const beforeOf = words.includes('of') ? words.slice(0, words.indexOf('of')) : words
  return beforeOf.filter((word) => /\p{L}/u.test(word)).at(-1) ?? ''
}

/** What an unnamed claimant is, by its head noun; people when nothing else fits. */
function kindOf(head: string): Entity['kind'] {
  if (isInstitutionNoun(head)) return 'organisation'
  if (isDocumentNoun(head)) return 'document'
  return /[^s]s$|^people$/.test(head) ? 'group' : 'person'
}
