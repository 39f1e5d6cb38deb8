import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_CHUNK, splitForDisplay } from '../../../src/renderer/src/reader/splitForDisplay'
import { findMatches, foldForFind } from '../../../src/renderer/src/reader/findMatches'

/** Reassembles the text from the display lines, as the reader's DOM holds it. */
function reassemble(text: string): string {
  return splitForDisplay(text)
    .map((line) => line.chunks.map((chunk) => chunk.text).join(''))
    .join('\n')
}

describe('splitForDisplay', () => {
  it('keeps every character and every offset of the stored text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 5000 }), (text) => {
        expect(reassemble(text)).toBe(text)
        for (const line of splitForDisplay(text)) {
          for (const chunk of line.chunks)
            expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text)
        }
      })
    )
  })

  it('splits a 2 MB single line into short chunks, never inside a surrogate pair', () => {
    const text = '🚢 harbor '.repeat(200_000)
    const [line] = splitForDisplay(text)
    expect(line!.chunks.length).toBeGreaterThanOrEqual(text.length / MAX_CHUNK)
    for (const chunk of line!.chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK)
      const last = chunk.text.charCodeAt(chunk.text.length - 1)
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false)
    }
    expect(reassemble(text)).toBe(text)
  })

  it('keeps empty lines as lines, so paragraphs stay apart', () => {
    const lines = splitForDisplay('One\n\nTwo')
    expect(lines.map((l) => l.start)).toEqual([0, 4, 5])
    expect(lines[1]!.chunks).toEqual([])
  })
})

describe('findMatches', () => {
  it('finds case-insensitive matches as offsets into the stored text', () => {
    expect(findMatches(foldForFind('Harbor, harbor, HARBOR'), 'harbor')).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
      { start: 16, end: 22 }
    ])
  })
  it('treats the query as text, not as a pattern', () => {
    expect(findMatches(foldForFind('a.b axb (c)'), '.')).toEqual([{ start: 1, end: 2 }])
    expect(findMatches(foldForFind('a.b axb (c)'), '(c)')).toEqual([{ start: 8, end: 11 }])
  })
})
