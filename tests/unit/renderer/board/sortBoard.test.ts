import { describe, expect, it } from 'vitest'
import { cellChars } from '../../../../src/renderer/src/board/cellChars'
import { clipForCell } from '../../../../src/renderer/src/board/clipForCell'
import { indexBoardRows } from '../../../../src/renderer/src/board/indexBoardRows'
import { sameBoardRows } from '../../../../src/renderer/src/board/sameBoardRows'
import { sortBoardEntries } from '../../../../src/renderer/src/board/sortBoardEntries'
import { boardRow } from './boardRows'

const rows = [
  boardRow({
    id: 'a',
    exact: 'école',
    reliability: 'B',
    credibility: 3,
    status: 'refuted',
    links: 2
  }),
  boardRow({ id: 'b', exact: 'Zebra', reliability: 'A', status: 'unreviewed', links: 0 }),
  boardRow({ id: 'c', exact: 'ecole', credibility: 1, status: 'supported', links: 5 }),
  boardRow({ id: 'd', exact: 'apple', reliability: 'B', credibility: 1, status: 'checking' }),
  boardRow({ id: 'e', exact: 'Ecoles', status: 'disputed', links: 1 })
]
const order = (key: Parameters<typeof sortBoardEntries>[1], descending = false): string[] => {
  const { entries } = indexBoardRows(rows)
  return Array.from(sortBoardEntries(entries, key, descending), (at) => entries[at]!.row.id)
}

describe('sorting the claims board', () => {
  it('orders text without case or accents (ties by last change, then id)', () => {
    expect(order('passage')).toEqual(['d', 'a', 'c', 'e', 'b'])
  })

  it('orders grades A1 to F6, a half not graded after the graded, none graded last', () => {
    expect(order('grade')).toEqual(['b', 'd', 'a', 'c', 'e'])
    // Descending keeps what is not graded at all last.
    expect(order('grade', true)).toEqual(['c', 'a', 'd', 'b', 'e'])
  })

  it('orders statuses as the review goes, and links by number', () => {
    expect(order('status')).toEqual(['b', 'd', 'c', 'e', 'a'])
    expect(order('links', true)).toEqual(['c', 'a', 'e', 'b', 'd'])
  })
})

describe('a fresh answer', () => {
  it('is the same board unless a claim, its claimant, its article or its links changed', () => {
    const again = rows.map((row) => ({ ...row }))
    expect(sameBoardRows(rows, again)).toBe(true)
    again[1] = { ...again[1]!, sourceName: 'Merged into another' }
    expect(sameBoardRows(rows, again)).toBe(false)
    expect(sameBoardRows(rows, rows.slice(1))).toBe(false)
  })
})

describe('a long text in a cell', () => {
  it('is cut with an ellipsis, never inside a surrogate pair', () => {
    expect(clipForCell('short', 10)).toBe('short')
    expect(clipForCell('abcdefghij', 4)).toBe('abc…')
    expect(clipForCell('abcd', 4)).toBe('abcd')
    expect(clipForCell('abc😀def', 4)).toBe('abc…')
  })

  it('counts a Chinese, Japanese or Korean character, or an emoji, as two Latin ones', () => {
    expect(clipForCell('港口罢工进入第三天', 8)).toBe('港口罢…')
    expect(clipForCell('ストライキ', 10)).toBe('ストライキ')
    expect(clipForCell('파업 사흘째', 6)).toBe('파업 …')
    expect(clipForCell('ok 😀😀', 5)).toBe('ok …')
    expect(clipForCell('ok 😀😀', 6)).toBe('ok 😀…')
    expect(clipForCell('Стачка', 6)).toBe('Стачка')
  })

  it('a clipped text with its "…" takes no more than the cell holds, and starts the text', () => {
    const alphabet = ['a', 'é', '港', '😀', ' ', 'Ж', 'ス']
    let random = 11
    const next = (): number => (random = (random * 48271) % 2147483647)
    const units = (text: string): number =>
      [...text].reduce((sum, ch) => sum + (/[a-zé Ж…]/.test(ch) ? 1 : 2), 0)
    for (let run = 0; run < 2000; run++) {
      const text = Array.from(
        { length: next() % 40 },
        () => alphabet[next() % alphabet.length]
      ).join('')
      const max = 8 + (next() % 30)
      const clipped = clipForCell(text, max)
      if (clipped === text) expect(units(text)).toBeLessThanOrEqual(max)
      else {
        expect(units(clipped)).toBeLessThanOrEqual(max)
        expect(text.startsWith(clipped.slice(0, -1))).toBe(true)
      }
    }
  })
})

describe('the characters a cell shows', () => {
  it('follow the table width in steps, and never drop below a few', () => {
    const wide = cellChars(1600)
    const narrow = cellChars(800)
    expect(wide.passage).toBeGreaterThan(narrow.passage)
    expect(narrow.passage).toBeGreaterThan(narrow.article)
    // About as many as the passage column's 27% holds at 13.5 px: 400 px, some 60.
    expect(wide.passage).toBeGreaterThanOrEqual(55)
    expect(wide.passage).toBeLessThanOrEqual(70)
    // The same object within one 64 px step: rows are not drawn again for a few pixels.
    expect(cellChars(1610)).toBe(wide)
    expect(cellChars(100).article).toBe(8)
    // Not measured yet: as a wide window, so nothing is cut short.
    expect(cellChars(0)).toBe(cellChars(1536))
    expect(cellChars(0).passage).toBeGreaterThan(cellChars(1280).passage)
  })

  it('never gives a cell more characters than its width shows', () => {
    const share = { passage: 0.27, statement: 0.17, article: 0.15 }
    const em = { passage: 13.5 * 0.5, statement: 13 * 0.58, article: 13 * 0.58 }
    for (let width = 300; width <= 3000; width += 7) {
      const chars = cellChars(width)
      for (const key of ['passage', 'statement', 'article'] as const) {
        if (chars[key] === 8) continue // the least a cell is given, however narrow
        expect(chars[key] * em[key]).toBeLessThanOrEqual(width * share[key] - 16)
      }
    }
  })
})
