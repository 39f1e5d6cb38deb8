import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  filterByFacets,
  filterByText,
  NO_CLAIMANT
} from '../../../../src/renderer/src/board/filterBoardEntries'
import { indexBoardRows, searchTextOf } from '../../../../src/renderer/src/board/indexBoardRows'
import type { BoardIndex, BoardOrder } from '../../../../src/renderer/src/board/indexBoardRows'
import { LazyOrder } from '../../../../src/renderer/src/board/LazyOrder'
import { TextNarrowing } from '../../../../src/renderer/src/board/TextNarrowing'
import { boardRow } from './boardRows'

const rows = [
  boardRow({
    id: 'c1',
    exact: 'roughly 2,400 workers walked out',
    statement: 'About 2,400 on strike',
    sourceId: 's1',
    sourceName: 'Velmora Dockers’ Union',
    status: 'disputed',
    tags: ['figures'],
    articleTitle: 'Port strike enters third day'
  }),
  boardRow({
    id: 'c2',
    exact: 'fewer than 1,100 stayed away',
    sourceId: 's2',
    sourceName: 'Port Authority',
    status: 'supported',
    articleTitle: 'Port strike enters third day'
  }),
  boardRow({
    id: 'c3',
    exact: 'Dražić called the talks “frank”',
    status: 'unreviewed',
    tags: ['quotes'],
    articleTitle: 'Border talks end without a deal'
  })
]

/** The ids of the claims of `order`, in that order. */
const ids = (index: BoardIndex, order: BoardOrder): string[] =>
  Array.from(order, (at) => index.entries[at]!.row.id)

/** Every claim of the index, in the order fetched. */
const fetched = (index: BoardIndex): BoardOrder => Int32Array.from(index.entries, (e) => e.at)

/** The index with every claim's signature made, as idle time leaves it. */
function indexed(list = rows): BoardIndex {
  const index = indexBoardRows(list)
  for (const entry of index.entries) index.signatures.add(entry.at, searchTextOf(entry))
  return index
}

describe('the claims board filters', () => {
  it('match the passage, statement, claimant or article title, in any case', () => {
    const index = indexed()
    const find = (needle: string): string[] =>
      ids(index, filterByText(fetched(index), index, needle))
    expect(find('2,400 workers')).toEqual(['c1'])
    expect(find('on strike')).toEqual(['c1'])
    expect(find('port authority')).toEqual(['c2'])
    expect(find('third day')).toEqual(['c1', 'c2'])
    expect(find('dražić')).toEqual(['c3'])
    expect(find('nobody')).toEqual([])
  })

  it('keep only the claims of a status, a tag or a claimant, or with no claimant', () => {
    const index = indexed()
    const by = (status = '', tag = '', claimant = ''): string[] =>
      ids(
        index,
        filterByFacets(fetched(index), index.entries, { status: status as '', tag, claimant })
      )
    expect(by('disputed')).toEqual(['c1'])
    expect(by('', 'figures')).toEqual(['c1'])
    expect(by('', '', 's2')).toEqual(['c2'])
    expect(by('', '', NO_CLAIMANT)).toEqual(['c3'])
    expect(by('supported', 'figures')).toEqual([])
  })

  it('list the tags and claimants in use, and grade each claim', () => {
    const index = indexBoardRows([
      ...rows,
      boardRow({
        id: 'c4',
        sourceId: 's1',
        sourceName: 'Velmora Dockers’ Union',
        reliability: 'B',
        credibility: 3
      })
    ])
    expect(index.tags).toEqual(['figures', 'quotes'])
    expect(index.sources.map((s) => s.name)).toEqual(['Port Authority', 'Velmora Dockers’ Union'])
    expect(index.entries.map((e) => e.grade)).toEqual(['??', '??', '??', 'B3'])
  })

  it('find the same claims with signatures, before them, and while narrowing', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', '1', 'é', ' ', 'Ж', '😀'),
      maxLength: 40
    })
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 30 }),
        fc.array(text, { maxLength: 8 }),
        (passages, typed) => {
          // No title: only the passage can match.
          const list = passages.map((exact, i) =>
            boardRow({ id: `c${i}`, exact, articleTitle: '' })
          )
          const plain = indexBoardRows(list)
          const signed = indexed(list)
          const narrowing = new TextNarrowing(fetched(signed), signed)
          // A phrase typed character by character, then backspaced.
          const needles = typed.flatMap((word) =>
            [...word.toLowerCase()].map((_, n, chars) => chars.slice(0, n + 1).join(''))
          )
          for (const needle of [...needles, ...needles.reverse()]) {
            const expected = list
              .filter((r) => r.exact.toLowerCase().includes(needle))
              .map((r) => r.id)
            expect(ids(plain, filterByText(fetched(plain), plain, needle))).toEqual(expected)
            expect(ids(signed, filterByText(fetched(signed), signed, needle))).toEqual(expected)
            expect(ids(signed, narrowing.filter(needle).toOrder())).toEqual(expected)
          }
        }
      )
    )
  })

  it('find, read as far as the view needs and counted later, the claims a full search finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[abc ]{0,12}$/), { minLength: 40, maxLength: 120 }),
        fc.array(fc.stringMatching(/^[abc]{1,3}$/), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat({ max: 8 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        (passages, typed, reads, signedUpTo) => {
          const list = passages.map((exact, i) =>
            boardRow({ id: `c${i}`, exact, articleTitle: '' })
          )
          const index = indexBoardRows(list)
          // Some claims are signed before the first keystroke, the rest while counting.
          for (const entry of index.entries.slice(0, signedUpTo))
            index.signatures.add(entry.at, searchTextOf(entry))
          const narrowing = new TextNarrowing(fetched(index), index)
          let needle = ''
          for (const word of typed) {
            needle += word
            const order = narrowing.filter(needle)
            const expected = list.filter((r) => r.exact.includes(needle)).map((r) => r.id)
            // The view reads a few rows, then idle time counts in slices of one chunk.
            for (const n of reads) {
              const at = order.at(n)
              expect(at === undefined ? undefined : index.entries[at]!.row.id).toBe(expected[n])
              expect(order.estimate()).toBeGreaterThanOrEqual(order.found)
            }
            for (const entry of index.entries.slice(signedUpTo))
              index.signatures.add(entry.at, searchTextOf(entry))
            let slices = 0
            while (!order.work(() => (slices++ % 2 === 0 ? 1 : 0)));
            expect(order.complete).toBe(true)
            expect(order.found).toBe(expected.length)
            expect(order.estimate()).toBe(expected.length)
            expect(ids(index, order.toOrder())).toEqual(expected)
          }
        }
      )
    )
  })

  it('read on only as far as asked', () => {
    let tested = 0
    const all = LazyOrder.of(Int32Array.from({ length: 10_000 }, (_, i) => i))
    const even = LazyOrder.filter(all, (at) => (tested++, at % 2 === 0))
    expect(even.at(2)).toBe(4)
    expect(tested).toBe(5)
    expect(even.complete).toBe(false)
    expect(even.indexOf(4)).toBe(2)
    expect(even.indexOf(6)).toBe(-1)
    expect(even.estimate()).toBe(6000)
    expect(even.at(5_000)).toBeUndefined()
    expect(even.complete).toBe(true)
    expect(even.found).toBe(5_000)
    expect(tested).toBe(10_000)
  })
})
