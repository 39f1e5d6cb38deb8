import { characterClass } from './characterClass'
import { foldText } from './foldText'
import { spacelessTerm } from './tokenize'

/** A word of the query as the text must contain it: whole, or at the start of a word. */
export interface QueryWord {
  text: string
  prefix: boolean
}

/** A query, folded, split into what the index looks up and what the text must contain. */
export interface ParsedQuery {
  /** Index terms, each once; every one must occur in a matching document. */
  terms: QueryWord[]
  /** Folded strings that must occur as written: quoted phrases, runs of spaceless script. */
  phrases: string[]
  /** Words and phrases to mark in snippets. */
  marks: QueryWord[]
  /** The query when it has several words and no quotes: a document containing it ranks first. */
  wholePhrase?: QueryWord
}

/**
 * Shorter prefixes match too many words to be worth looking up while the analyst types:
 * on the benchmark library a two-letter prefix expands to a hundred words.
 */
export const MIN_PREFIX_LENGTH = 3

/**
 * Parses what the analyst typed: text in double quotes (straight or curly) is a phrase; the
 * other words must each occur, the last one as a prefix unless the query ends with a space;
 * a run of Chinese, Japanese or Thai characters must occur as it is, since those scripts
 * have no spaces to find words by.
 */
export function parseQuery(query: string): ParsedQuery {
  const folded = foldText(query)
  const terms = new Map<string, QueryWord>()
  const phrases: string[] = []
  const marks: ParsedQuery['marks'] = []
  const bareWords: string[] = []
  const addTerm = (text: string, prefix: boolean): void => {
    const known = terms.get(text)
    if (!known || known.prefix) terms.set(text, { text, prefix })
  }
  const parts = folded.split('"')
  for (const [index, part] of parts.entries()) {
    const quoted = index % 2 === 1
    const runs = splitRuns(part)
    if (quoted) {
      const phrase = part.trim()
      if (phrase === '') continue
      for (const run of runs) addRunTerms(run, false, addTerm)
      phrases.push(phrase)
      marks.push({ text: phrase, prefix: false })
      continue
    }
    // Still being typed: the last word of a query that ends neither in a space nor a quote.
    const typing = index === parts.length - 1 && !/\s$/.test(part)
    for (const [r, run] of runs.entries()) {
      const prefix =
        typing &&
        r === runs.length - 1 &&
        run.kind === 'word' &&
        run.text.length >= MIN_PREFIX_LENGTH
      addRunTerms(run, prefix, addTerm)
      bareWords.push(run.text)
      if (run.kind === 'spaceless' && run.text.length > 1) phrases.push(run.text)
      marks.push({ text: run.text, prefix })
    }
  }
  const unquoted = parts.length === 1 && bareWords.length > 1
  const lastMark = marks.at(-1)
  return {
    terms: [...terms.values()],
    phrases,
    marks,
    ...(unquoted ? { wholePhrase: { text: folded.trim(), prefix: lastMark?.prefix ?? false } } : {})
  }
}

interface Run {
  kind: 'word' | 'spaceless'
  text: string
}

/** Runs of word characters and of spaceless-script characters, in order. */
function splitRuns(folded: string): Run[] {
  const runs: Run[] = []
  let current: Run | undefined
  for (const character of folded) {
    const found = characterClass(character.codePointAt(0)!)
    if (found === 'other') {
      current = undefined
      continue
    }
    if (current?.kind !== found) {
      current = { kind: found, text: '' }
      runs.push(current)
    }
    current.text += character
  }
  return runs
}

function addRunTerms(
  run: Run,
  prefix: boolean,
  add: (text: string, prefix: boolean) => void
): void {
  if (run.kind === 'word') {
    add(run.text, prefix)
    return
  }
  for (const character of run.text) add(spacelessTerm(character.codePointAt(0)!), false)
}
