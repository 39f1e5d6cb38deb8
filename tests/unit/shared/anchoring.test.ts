import { describe, expect, it } from 'vitest'
import { findQuote, QUOTE_CONTEXT, quoteAt, snapToCodePoint } from '../../../src/shared/anchoring'
import { normalizeText } from '../../../src/core/import/normalizeText'

describe('quoteAt', () => {
  const cases: { name: string; text: string; exact: string; occurrence?: number }[] = [
    {
      name: 'plain English',
      text: 'The union says roughly 2,400 workers have joined the stoppage.',
      exact: '2,400 workers'
    },
    {
      name: 'at the very start',
      text: 'Velmora — dock workers kept cranes idle.',
      exact: 'Velmora'
    },
    { name: 'at the very end', text: 'The figure was preliminary.', exact: 'preliminary.' },
    {
      name: 'Arabic, right to left',
      text: 'قال المتحدث إن الميناء مغلق منذ ثلاثة أيام',
      exact: 'الميناء مغلق'
    },
    { name: 'Hebrew', text: 'הנמל סגור כבר שלושה ימים', exact: 'סגור' },
    { name: 'CJK', text: '港口工人连续第三天罢工，谈判陷入僵局。', exact: '第三天' },
    { name: 'emoji and ZWJ sequences', text: 'Medic 👩🏽‍⚕️ on the 🚢 ship', exact: '🚢 ship' },
    {
      name: 'second occurrence',
      text: 'harbor one, harbor two, harbor three',
      exact: 'harbor',
      occurrence: 2
    }
  ]

  for (const { name, text, exact, occurrence } of cases) {
    it(`round-trips a quote: ${name}`, () => {
      const position = findQuote(text, exact, occurrence)!
      expect(position).toBeDefined()
      const quote = quoteAt(text, position)
      expect(quote.exact).toBe(exact)
      expect(
        text.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)
      ).toBe(quote.prefix + quote.exact + quote.suffix)
      expect(quote.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT)
      expect(quote.suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT)
    })
  }

  it('keeps 32 characters of context where the text has them', () => {
    const text = `${'a'.repeat(50)}QUOTE${'b'.repeat(50)}`
    const quote = quoteAt(text, { start: 50, end: 55 })
    expect(quote).toEqual({ exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) })
  })

  it('never cuts context inside a surrogate pair', () => {
    // 31 letters then an emoji: the 32-character window would start on the low surrogate.
    const text = `😀${'x'.repeat(31)}QUOTE${'y'.repeat(31)}🚢`
    const start = text.indexOf('QUOTE')
    const quote = quoteAt(text, { start, end: start + 5 })
    expect(quote.prefix).toBe('x'.repeat(31))
    expect(quote.suffix).toBe('y'.repeat(31))
    expect(() => encodeURIComponent(quote.prefix + quote.suffix)).not.toThrow()
  })

  it('computes offsets on CRLF text after normalisation, so they match the stored text', () => {
    const stored = normalizeText('Line one\r\nLine two\r\rLine three')
    expect(stored).toBe('Line one\nLine two\n\nLine three')
    const position = findQuote(stored, 'Line three')!
    expect(position).toEqual({ start: 19, end: 29 })
    expect(quoteAt(stored, position).prefix).toBe('Line one\nLine two\n\n')
  })

  it('keeps overlapping and nested quotes independent', () => {
    const text = 'roughly 2,400 workers have joined the stoppage'
    const outer = quoteAt(text, findQuote(text, 'roughly 2,400 workers have joined')!)
    const inner = quoteAt(text, findQuote(text, '2,400 workers')!)
    expect(outer.exact).toContain(inner.exact)
    expect(inner.prefix).toBe('roughly ')
  })
})

describe('snapToCodePoint', () => {
  const text = 'a🚢b'
  it('moves an offset off the middle of a pair in the asked direction', () => {
    expect(snapToCodePoint(text, 2, 'forward')).toBe(3)
    expect(snapToCodePoint(text, 2, 'backward')).toBe(1)
  })
  it('leaves offsets between characters and at the ends alone', () => {
    for (const offset of [0, 1, 3, 4]) expect(snapToCodePoint(text, offset, 'forward')).toBe(offset)
  })
})

describe('findQuote', () => {
  it('finds the N-th occurrence, overlapping ones included', () => {
    expect(findQuote('aaaa', 'aa', 2)).toEqual({ start: 1, end: 3 })
    expect(findQuote('aaaa', 'aa', 4)).toBeUndefined()
  })
  it('finds nothing for an empty quote or occurrence 0', () => {
    expect(findQuote('text', '')).toBeUndefined()
    expect(findQuote('text', 't', 0)).toBeUndefined()
  })
})
