/**
 * Which East Asian language a line of an article is in, where its characters tell: a
 * Han character has different forms in Japanese and Chinese fonts, and a stored article
 * does not say its language. Kana are only Japanese and Hangul only Korean; a line of Han
 * alone (a heading of kanji) is Japanese when the article as a whole is.
 */
export type CjkLanguage = 'ja' | 'ko'

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]/
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/
/** BMP Han, and the astral planes' (Extension B onwards) as surrogate pairs. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/

/**
 * Japanese text writes a large share of kana (particles, endings: a third or more of a
 * news article); Chinese text quoting a Japanese name has a few. 5% of the CJK letters.
 */
const JAPANESE_KANA_SHARE = 0.05

/** Whether the article's Han characters are best shown in Japanese forms. */
export function isJapanese(text: string): boolean {
  if (!KANA.test(text)) return false
  // Counted by code unit, not matched: a long article would make an array of its letters.
  let kana = 0
  let han = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) kana++
    else if (code >= 0xff66 && code <= 0xff9d) kana++
    else if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) han++
    else if ((code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f)) han++
  }
  return kana / (kana + han) >= JAPANESE_KANA_SHARE
}

/** The `lang` of one line, or undefined where it has no kana, Hangul or Han to tell by. */
export function lineLanguage(line: string, japaneseArticle: boolean): CjkLanguage | undefined {
  if (KANA.test(line)) return 'ja'
  if (HANGUL.test(line)) return 'ko'
  if (japaneseArticle && HAN.test(line)) return 'ja'
  return undefined
}
