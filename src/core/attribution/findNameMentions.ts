import { TITLES } from './attributionRules'
import type { AnalyzedText, Token } from './analyzeText'
import type { TokenSpan } from './Draft'
import { isCapitalised, isOrganisationWord, isPlaceWord, isTimeWord } from './lexicon'

/**
 * A proper name in the text: `person` (two capitalised words or a title and one), an
 * `organisation` (a name with `Union`, `Bank`, `Authority`…), a `place` (`Brisk Island`), or a
 * `single` capitalised word that may be a surname mentioned again (`Marrow said`).
 */
export interface NameMention extends TokenSpan {
  kind: 'person' | 'organisation' | 'place' | 'single'
  /** The name without its title, as written. */
  name: string
  /** Lower-case words of the name, for matching later mentions. */
  words: string[]
  gender?: 'female' | 'male'
}

/** Words inside a name: `Chamber of Commerce`, `Dockers' Union`, `van Dijk`. */
const CONNECTORS = new Set(['of', "'", '’', 'de', 'van', 'von', 'der', 'la', 'le'])

/**
 * Every name outside headings, in text order. A sentence's first word must be tagged `PROPN`
 * to count (the model also tags sentence-initial common nouns so: `Sources close to…`, which
 * then stays a `single` that matches no one).
 */
export function findNameMentions(analyzed: AnalyzedText): NameMention[] {
  const { tokens, sentences } = analyzed
  const mentions: NameMention[] = []
  for (const sentence of sentences) {
    if (sentence.headline) continue
    let i = sentence.first
    while (i < sentence.end) {
      if (!isNameWord(tokens[i], i === sentence.first)) {
        i++
        continue
      }
      let end = i + 1
      for (;;) {
        const next = tokens[end]
        if (end < sentence.end && isNameWord(next, false)) end++
        else if (
          end + 1 < sentence.end &&
          CONNECTORS.has(next.normal) &&
          isNameWord(tokens[end + 1], false)
        )
          end += 2
        else break
      }
      mentions.push(describe(analyzed, i, end))
      i = end
    }
  }
  return mentions
}

function isNameWord(token: Token | undefined, leadsSentence: boolean): boolean {
  if (!token || !isCapitalised(token) || isTimeWord(token)) return false
  // A dateline or a shouted word is not a name.
  if (token.text.length > 1 && token.text === token.text.toUpperCase()) return false
  return token.pos === 'PROPN' || (!leadsSentence && /^(NOUN|ADJ|X)$/.test(token.pos))
}

function describe({ text, tokens }: AnalyzedText, first: number, end: number): NameMention {
  let start = first
  let gender: NameMention['gender']
  // `Prime Minister Oona Halvorsen`, `Dr Mirela Kask`: titles are not the name.
  while (end - start > 1 && Object.hasOwn(TITLES, tokens[start].normal)) {
    gender ??= TITLES[tokens[start].normal]
    start++
  }
  const titled = start > first
  let words = tokens.slice(start, end).map((token) => token.normal)
  // `Aleksa Dražić of Kestria`: a person's name stops before `of`, an organisation's does not.
  const of = words.indexOf('of')
  if (of > 1 && !words.some(isOrganisationWord) && !words.slice(0, of).some(isPlaceWord)) {
    end = start + of
    words = words.slice(0, of)
  }
  const name = text.slice(tokens[start].start, tokens[end - 1].end)
  const kind = words.some(isOrganisationWord)
    ? 'organisation'
    : words.some(isPlaceWord)
      ? 'place'
      : words.length > 1 || titled
        ? 'person'
        : 'single'
  return { first: start, end, kind, name, words, ...(gender ? { gender } : {}) }
}
