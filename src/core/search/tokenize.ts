import { characterClass } from './characterClass'

/** Longer runs are identifiers, hashes or base64, not words anyone searches for. */
const MAX_WORD_LENGTH = 64

/**
 * The index terms of folded text (see `foldText`): each run of word characters is a term,
 * and each character of a spaceless script is a term of its own, spelt by `spacelessTerm`.
 *
 * Why single characters and not bigrams for Chinese and Japanese: on the benchmark library
 * (1/10 size, in MiniSearch's own maps) bigrams made the index 17.8× the raw text, since
 * each of its 200,000 distinct bigrams (1.6 million at full size) costs some 500 bytes of
 * maps; single characters made it 4.9×. A query's characters are looked up together (all
 * must occur) and the candidates are then checked against the real text, which every
 * phrase and every snippet needs anyway, so substrings are found exactly either way;
 * bigrams would only prune the candidates sooner.
 */
export function tokenize(folded: string): string[] {
  const terms: string[] = []
  let wordStart = -1
  const endWord = (end: number): void => {
    if (wordStart >= 0 && end - wordStart <= MAX_WORD_LENGTH)
      terms.push(folded.slice(wordStart, end))
    wordStart = -1
  }
  for (let i = 0; i < folded.length;) {
    const codePoint = folded.codePointAt(i)!
    const size = codePoint > 0xffff ? 2 : 1
    const found = characterClass(codePoint)
    if (found === 'word') {
      if (wordStart < 0) wordStart = i
    } else {
      endWord(i)
      if (found === 'spaceless') terms.push(spacelessTerm(codePoint))
    }
    i += size
  }
  endWord(folded.length)
  return terms
}

/** Private-use code units: never a character of folded text, so never a word's spelling. */
const DIGIT_BASE = 0xe000

/**
 * A spaceless-script character spelt as three base-64 digits in private-use characters.
 * MiniSearch's radix tree scans a node's children one by one, so twenty thousand Chinese
 * characters as terms of their own under its root made adding one Chinese article take
 * 80 ms; spelt this way no node has more than 64 children.
 */
export function spacelessTerm(codePoint: number): string {
  return String.fromCharCode(
    DIGIT_BASE + ((codePoint >> 12) & 0x3f),
    DIGIT_BASE + ((codePoint >> 6) & 0x3f),
    DIGIT_BASE + (codePoint & 0x3f)
  )
}
