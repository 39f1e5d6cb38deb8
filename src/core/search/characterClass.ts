/** How search treats a character of folded text. */
export type CharacterClass = 'word' | 'spaceless' | 'other'

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
 * Myanmar), by Script_Extensions so that the kana length mark ー and 々 count too.
 */
const SPACELESS =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u
const WORD = /[\p{L}\p{N}\p{M}]/u

const classes = new Map<number, CharacterClass>()

/**
 * A word character is a letter, digit or mark; everything else (space, punctuation,
 * apostrophes, symbols, emoji) separates words. Characters of spaceless scripts are
 * words of one character each.
 */
export function characterClass(codePoint: number): CharacterClass {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20
    return (lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39)
      ? 'word'
      : 'other'
  }
  let found = classes.get(codePoint)
  if (found === undefined) {
    const character = String.fromCodePoint(codePoint)
    found = SPACELESS.test(character) ? 'spaceless' : WORD.test(character) ? 'word' : 'other'
    classes.set(codePoint, found)
  }
  return found
}
