import { characterClass } from './characterClass'
import type { QueryWord } from './parseQuery'

/**
 * Where `word` (folded) occurs in folded text, as `[start, end)` pairs in folded units, at
 * most `max` of them. A word or phrase that begins or ends with a letter or digit of a
 * spaced script must begin or end a word there ("to" is not found in "total"), except that
 * a prefix may run on, and then its occurrence covers the whole word; characters of
 * spaceless scripts match anywhere.
 */
export function findOccurrences(
  folded: string,
  word: QueryWord,
  max = Infinity
): [number, number][] {
  const found: [number, number][] = []
  const needle = word.text
  if (needle === '') return found
  const checkStart = classAt(needle, 0) === 'word'
  const endsInWord = classBefore(needle, needle.length) === 'word'
  for (let at = folded.indexOf(needle); at >= 0 && found.length < max;) {
    let end = at + needle.length
    const startsWord = !checkStart || classBefore(folded, at) !== 'word'
    let endsWord = !endsInWord || classAt(folded, end) !== 'word'
    if (!endsWord && word.prefix) {
      while (classAt(folded, end) === 'word') end += codePointSize(folded, end)
      endsWord = true
    }
    if (startsWord && endsWord) {
      found.push([at, end])
      at = folded.indexOf(needle, end)
    } else at = folded.indexOf(needle, at + 1)
  }
  return found
}

function classAt(text: string, index: number): ReturnType<typeof characterClass> | undefined {
  return index < text.length ? characterClass(text.codePointAt(index)!) : undefined
}

function classBefore(text: string, index: number): ReturnType<typeof characterClass> | undefined {
  if (index <= 0) return undefined
  const unit = text.charCodeAt(index - 1)
  const start = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 ? index - 2 : index - 1
  return characterClass(text.codePointAt(start)!)
}

function codePointSize(text: string, index: number): number {
  return text.codePointAt(index)! > 0xffff ? 2 : 1
}
