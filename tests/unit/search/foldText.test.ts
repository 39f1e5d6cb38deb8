import { describe, expect, it } from 'vitest'
import { foldText, foldTextWithOrigins, originalRange } from '../../../src/core/search/foldText'

describe('foldText', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['São Paulo', 'sao paulo'],
    ['Kılıçdaroğlu', 'kilicdaroglu'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['ÉCOLE', 'ecole'],
    ['e\u0301cole', 'ecole'],
    ['İstanbul', 'istanbul'],
    ['don’t', "don't"],
    ['“quoted”', '"quoted"'],
    ['«guillemets»', '"guillemets"'],
    ['ﬁnance', 'finance'],
    ['ＡＢＣ１２３', 'abc123'],
    ['Ёлка', 'елка'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['Erdo\u00adğan', 'erdogan'],
    ['two\n\n  lines\tand\u00a0more', 'two lines and more'],
    ['東京都の情報', '東京都の情報'],
    ['がっこう', 'がっこう'],
    ['हिन्दी', 'हिन्दी'],
    ['مُحَمَّد', 'محمد'],
    ['🇺🇦 👨‍👩‍👧', '🇺🇦 👨‍👩‍👧']
  ])('%s folds to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded)
  })

  it('folds a character known from earlier text alike when a mark follows it', () => {
    // The first calls teach the fast path these characters; the marks must still be folded in.
    expect(foldText('Жена е и а\u00a0б')).toBe('жена е и а б')
    expect(foldText('Же\u0308на и\u0306 а\u0301\u00a0Б')).toBe('жена и а б')
    expect(foldTextWithOrigins('е\u0308ж').origins).toEqual(Uint32Array.from([0, 2, 3]))
    expect(foldText('हि हिन्दी')).toBe('हि हिन्दी')
  })

  it('maps every folded unit back to the character it came from', () => {
    const text = 'Die Straße, São Paulo 𠀀x'
    const folded = foldTextWithOrigins(text)
    expect(folded.text).toBe('die strasse, sao paulo 𠀀x')
    const at = (word: string): { start: number; end: number } => {
      const start = folded.text.indexOf(word)
      return originalRange(folded, start, start + word.length)
    }
    const slice = ({ start, end }: { start: number; end: number }): string => text.slice(start, end)
    expect(slice(at('strasse'))).toBe('Straße')
    expect(slice(at('ss'))).toBe('ß')
    expect(slice(at('sao'))).toBe('São')
    expect(slice(at('𠀀'))).toBe('𠀀')
    expect(slice(at('x'))).toBe('x')
  })

  it('folds a stretch alike, with origins in the whole text', () => {
    const text = 'Prefix. Erdoğan spoke.'
    const folded = foldTextWithOrigins(text, 8, 15)
    expect(folded.text).toBe('erdogan')
    expect(originalRange(folded, 0, 7)).toEqual({ start: 8, end: 15 })
  })
})
