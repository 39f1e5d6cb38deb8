import { describe, expect, it } from 'vitest'
import type { Span } from '../../../src/renderer/src/reader/keyboardSelection'
import { extendUnit, segment, selectUnit } from '../../../src/renderer/src/reader/keyboardSelection'

const text =
  'Port of Velmora\n\nDr. Reyl said 2,400 workers left. Nobody came back.\n\nTalks stall.'
const words = (spans: Span[]): string[] => spans.map((s) => text.slice(s.start, s.end))

describe('keyboard selection', () => {
  it('segments sentences by the language rules, paragraphs by lines, words without punctuation', () => {
    expect(words(segment(text, 'sentence'))).toEqual([
      'Port of Velmora',
      'Dr. Reyl said 2,400 workers left.',
      'Nobody came back.',
      'Talks stall.'
    ])
    expect(words(segment(text, 'paragraph'))).toEqual([
      'Port of Velmora',
      'Dr. Reyl said 2,400 workers left. Nobody came back.',
      'Talks stall.'
    ])
    expect(words(segment(text, 'word')).slice(3, 6)).toEqual(['Dr', 'Reyl', 'said'])
    expect(words(segment(text, 'word'))).toContain('2,400')
  })

  it('selects the unit at the caret, then the next and the previous, staying at the ends', () => {
    const sentences = segment(text, 'sentence')
    const at = selectUnit(sentences, undefined, text.indexOf('workers'), 1)!
    expect(words([at])).toEqual(['Dr. Reyl said 2,400 workers left.'])
    const next = selectUnit(sentences, at, 0, 1)!
    expect(words([next])).toEqual(['Nobody came back.'])
    expect(words([selectUnit(sentences, next, 0, -1)!])).toEqual([words([at])[0]])
    const last = sentences.at(-1)!
    expect(selectUnit(sentences, last, 0, 1)).toBe(last)
    expect(selectUnit(sentences, sentences[0], 0, -1)).toBe(sentences[0])
  })

  it('extends the end by a unit and shrinks it back, never past the first unit', () => {
    const all = segment(text, 'word')
    const start = selectUnit(all, undefined, text.indexOf('Reyl'), 1)!
    const two = extendUnit(all, start, 0, 1)!
    expect(text.slice(two.start, two.end)).toBe('Reyl said')
    const back = extendUnit(all, two, 0, -1)!
    expect(text.slice(back.start, back.end)).toBe('Reyl')
    expect(extendUnit(all, back, 0, -1)).toBe(back)
  })
})
