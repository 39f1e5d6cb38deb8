import type { LanguageModel } from './languageModel'

/** A word or punctuation mark of the text; whitespace is not a token. */
export interface Token {
  /** UTF-16 offsets in the text, so that a claim anchors where the analyst reads it. */
  start: number
  end: number
  text: string
  /** Lower case, with contractions expanded (`n't` → `not`, `it's` → `it is`). */
  normal: string
  /** Universal part-of-speech tag, e.g. `VERB`, `PROPN`, `PUNCT`. */
  pos: string
  sentence: number
}

export interface Sentence {
  /** Index of the first token and one past the last. */
  first: number
  end: number
  /**
   * The first token after a dateline (`VELMORA — `, `BRISK ISLAND - `), else `first`: where
   * the article was filed is part of no statement.
   */
  body: number
  paragraph: number
  /** A title or heading line: title case and no final full stop. */
  headline: boolean
}

export interface AnalyzedText {
  text: string
  tokens: Token[]
  sentences: Sentence[]
}

/** Share of capitalised words from which a line without a full stop is a heading. */
const HEADING_CAPITALS = 0.6
/** The pieces wink cuts contractions into (`we've` → `we` + `'ve`), as the words they stand for. */
const CLITICS: Readonly<Record<string, string>> = {
  "n't": 'not',
  "'re": 'are',
  "'ve": 'have',
  "'ll": 'will',
  "'m": 'am',
  "'d": 'would'
}
/** What wink leaves of a verb before `n't`: `won't` → `wo` + `n't`. */
const STEMS_BEFORE_NOT: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' }
const DATELINE_WORD = /^\p{Lu}[\p{Lu}\p{M}'’.-]+$/u
const DASH = /^[—–-]$/
const VISIBLE = /\S/
const WORD = /^[\p{L}\p{M}]+$/u
const NON_ASCII = /[^\p{ASCII}]/u
const TERMINAL = new Set(['.', '!', '?', '…', '"', '”', '’', "'", ':'])

/**
 * Tokens with their offsets and sentences with their paragraphs. wink keeps every character
 * (`precedingSpaces` + `value` rebuild the text), which gives exact offsets. A blank line
 * always ends a sentence and a paragraph; a single line break ends one only after a heading,
 * because stored texts may be hard-wrapped mid-sentence and wink reads a heading with no full
 * stop into the sentence below it.
 */
export function analyzeText(model: LanguageModel, text: string): AnalyzedText {
  const its = model.its
  const doc = model.readDoc(text)
  const values = doc.tokens().out(its.value) as string[]
  const spaces = doc.tokens().out(its.precedingSpaces) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const winkSentence = new Int32Array(values.length)
  const spans = doc.sentences().out(its.span) as unknown as [number, number][]
  spans.forEach(([first, last], index) => winkSentence.fill(index, first, last + 1))

  const tokens: Token[] = []
  const sentences: Sentence[] = []
  let offset = 0
  let paragraph = 0
  let lineBreaks = 0
  let lastWinkSentence = -1
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length
    const start = offset
    offset += values[i].length
    lineBreaks += countLineBreaks(spaces[i])
    if (!VISIBLE.test(values[i])) {
      lineBreaks += countLineBreaks(values[i])
      continue
    }
    const previous = tokens.at(-1)
    if (previous && lineBreaks === 0 && splitsWord(previous, values[i], start)) {
      previous.end = offset
      previous.text += values[i]
      previous.normal += values[i].toLowerCase()
      continue
    }
    const open = sentences.at(-1)
    const blankLine = lineBreaks >= 2
    if (blankLine && open) paragraph++
    const afterHeading = lineBreaks === 1 && open !== undefined && isHeading(tokens, open)
    if (!open || blankLine || afterHeading || winkSentence[i] !== lastWinkSentence) {
      if (open) open.end = tokens.length
      sentences.push({
        first: tokens.length,
        end: tokens.length,
        body: tokens.length,
        paragraph,
        headline: false
      })
    }
    lineBreaks = 0
    lastWinkSentence = winkSentence[i]
    tokens.push({
      start,
      end: offset,
      text: values[i],
      normal: normalize(values, tags, i),
      pos: tags[i],
      sentence: sentences.length - 1
    })
  }
  const last = sentences.at(-1)
  if (last) last.end = tokens.length
  for (const sentence of sentences) {
    sentence.headline = isHeading(tokens, sentence)
    sentence.body = afterDateline(tokens, sentence)
  }
  return { text, tokens, sentences }
}

/**
 * The token in lower case, its contractions spelled out. Not wink's own `normal`, which also
 * turns British spelling American (`councillor` → `councilor`): the rules are written as
 * the articles spell.
 */
function normalize(values: string[], tags: string[], i: number): string {
  const lower = values[i].toLowerCase()
  if (lower.length > 3) return lower
  const plain = lower.replace('’', "'")
  if (plain === "'s") return tags[i - 1] === 'PRON' ? 'is' : lower
  if (Object.hasOwn(CLITICS, plain)) return CLITICS[plain]
  const beforeNot = /^n['’]t$/i.test(values[i + 1] ?? '')
  return beforeNot && Object.hasOwn(STEMS_BEFORE_NOT, plain) ? STEMS_BEFORE_NOT[plain] : lower
}

/**
 * wink cuts words at letters outside ASCII (`Dražić` → `Dra ž i ć`): a piece that touches the
 * previous one, when both are letters and one of them is not ASCII, is the same word.
 */
function splitsWord(previous: Token, value: string, start: number): boolean {
  if (previous.end !== start || !WORD.test(previous.text) || !WORD.test(value)) return false
  return NON_ASCII.test(previous.text) || NON_ASCII.test(value)
}

function countLineBreaks(whitespace: string): number {
  let count = 0
  for (let at = whitespace.indexOf('\n'); at >= 0; at = whitespace.indexOf('\n', at + 1)) count++
  return count
}

function afterDateline(tokens: Token[], { first, end }: Sentence): number {
  let i = first
  while (i < end && DATELINE_WORD.test(tokens[i].text)) i++
  return i > first && i < end && DASH.test(tokens[i].text) ? i + 1 : first
}

function isHeading(tokens: Token[], sentence: Sentence): boolean {
  const end = sentence.end > sentence.first ? sentence.end : tokens.length
  if (end === sentence.first) return false
  const last = tokens[end - 1]
  if (!last || TERMINAL.has(last.text) || last.text === ',') return false
  let words = 0
  let capitalised = 0
  for (let i = sentence.first; i < end; i++) {
    const first = tokens[i].text.charAt(0)
    if (!/\p{L}/u.test(first)) continue
    words++
    if (first === first.toUpperCase()) capitalised++
  }
  return words > 0 && capitalised / words >= HEADING_CAPITALS
}
