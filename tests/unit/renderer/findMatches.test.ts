import { afterEach, describe, expect, it, vi } from 'vitest'
import { findMatches, foldForFind } from '../../../src/renderer/src/reader/findMatches'
import { foldTextWithOrigins } from '../../../src/shared/text/foldText'

/** Each match as the stored text's own characters. */
function found(text: string, query: string): string[] {
  return findMatches(foldForFind(text), query).map(({ start, end }) => text.slice(start, end))
}

describe('find in an article', () => {
  it('matches without accents, curly quotes or case, at exact offsets in the stored text', () => {
    const text = "President Erdoğan spoke. ERDOĞAN again; Turkey’s port, and “Turkey's” too."
    expect(found(text, 'Erdogan')).toEqual(['Erdoğan', 'ERDOĞAN'])
    expect(found(text, "Turkey's")).toEqual(['Turkey’s', "Turkey's"])
    expect(found(text, '"turkey')).toEqual(['“Turkey'])
    const [first] = findMatches(foldForFind(text), 'erdogan')
    expect(first).toEqual({ start: 10, end: 17 })
  })

  it('covers a letter with its combining marks whole, either way round', () => {
    const decomposed = 'Cafe\u0301 culture and café prices'
    expect(found(decomposed, 'café')).toEqual(['Cafe\u0301', 'café'])
    expect(found(decomposed, 'cafe')).toEqual(['Cafe\u0301', 'café'])
    // Stacked marks (Vietnamese) and a Hebrew point stay inside the match.
    expect(found('Nguyễn and Nguye\u0302\u0303n', 'nguyen')).toEqual([
      'Nguyễn',
      'Nguye\u0302\u0303n'
    ])
  })

  it('maps ß, ligatures and full-width forms back to the one character they came from', () => {
    expect(found('Die Straße in Berlin', 'strasse')).toEqual(['Straße'])
    expect(found('Die Straße in Berlin', 'straße')).toEqual(['Straße'])
    // Half of ß ("s") is still the whole ß, and never two matches of one character.
    expect(found('ß', 's')).toEqual(['ß'])
    expect(found('The ﬁnance ministry', 'finance')).toEqual(['ﬁnance'])
    expect(found('ＡＢＣ report', 'abc')).toEqual(['ＡＢＣ'])
  })

  it('counts astral characters as the two code units the stored offsets count', () => {
    const text = '🚢 Ships 𝐁𝐨𝐥𝐝 and 🚢 ships'
    const matches = findMatches(foldForFind(text), 'ships')
    expect(matches.map(({ start, end }) => text.slice(start, end))).toEqual(['Ships', 'ships'])
    expect(matches[0]).toEqual({ start: 3, end: 8 })
    expect(found(text, 'bold')).toEqual(['𝐁𝐨𝐥𝐝'])
    expect(found(text, '🚢 s')).toEqual(['🚢 S', '🚢 s'])
  })

  it('treats any run of white space as one space, and finds nothing for an empty query', () => {
    expect(found('harbor\n\n  strike', 'harbor strike')).toEqual(['harbor\n\n  strike'])
    expect(found('harbor', '')).toEqual([])
    expect(found('harbor', '   ')).toEqual([])
    expect(found('a\u00adb', '\u00ad')).toEqual([])
  })

  describe('without Node’s Buffer (as in the renderer)', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
      vi.resetModules()
    })
    it('folds alike, lone surrogates and long texts included', async () => {
      const text = `Erdoğan \udc00 ${'x'.repeat(20_000)} Straße 🚢`
      const withBuffer = foldTextWithOrigins(text)
      vi.stubGlobal('Buffer', undefined)
      vi.resetModules()
      const fresh = await import('../../../src/shared/text/foldText')
      const folded = fresh.foldTextWithOrigins(text)
      expect(folded.text === withBuffer.text).toBe(true)
      expect(folded.text.startsWith('erdogan \udc00 x')).toBe(true)
      expect(folded.text.endsWith('x strasse 🚢')).toBe(true)
      expect([...folded.origins]).toEqual([...withBuffer.origins])
    })
  })
})
