import { describe, expect, it } from 'vitest'
import { isJapanese, lineLanguage } from '../../../src/renderer/src/reader/cjkLanguage'

const JAPANESE = '港湾労働者は三日目もストライキを続けている。組合は賃上げを求めた。'
const CHINESE = '港口工人罢工进入第三天，工会要求提高工资。'

describe('the language of CJK text', () => {
  it('tells a Japanese article by its kana, and not a Chinese one quoting a Japanese name', () => {
    expect(isJapanese(JAPANESE)).toBe(true)
    expect(isJapanese(CHINESE)).toBe(false)
    // One katakana name in a long Chinese article stays Chinese.
    expect(isJapanese(`${CHINESE.repeat(20)}（トヨタ）`)).toBe(false)
    expect(isJapanese('Port workers strike for a third day')).toBe(false)
  })

  it('marks lines with kana as Japanese, Hangul as Korean, and kanji alone by the article', () => {
    expect(lineLanguage(JAPANESE, false)).toBe('ja')
    expect(lineLanguage('항만 노동자 파업 사흘째', false)).toBe('ko')
    expect(lineLanguage('港湾労働者三日目', true)).toBe('ja')
    expect(lineLanguage('港湾労働者三日目', false)).toBeUndefined()
    expect(lineLanguage(CHINESE, false)).toBeUndefined()
    expect(lineLanguage('The union said on Tuesday', true)).toBeUndefined()
    // An astral Han character (Extension B) counts as Han.
    expect(lineLanguage('𠮷野家', true)).toBe('ja')
  })

  it('gives the same answer however often it is asked (no state left in its patterns)', () => {
    for (let n = 0; n < 3; n++) {
      expect(lineLanguage(`${JAPANESE} ${JAPANESE}`, false)).toBe('ja')
      expect(isJapanese(JAPANESE)).toBe(true)
    }
  })
})
