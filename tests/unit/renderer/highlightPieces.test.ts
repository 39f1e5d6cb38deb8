import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/annotation'
import { highlightPieces } from '../../../src/renderer/src/reader/highlightPieces'

const at = (id: string, start: number, end: number, color: number): Annotation =>
  ({ id, position: { start, end }, color }) as unknown as Annotation

describe('highlightPieces', () => {
  it('paints the part of a later highlight that overlaps an earlier one above the text', () => {
    expect(highlightPieces([at('b', 5, 15, 2), at('a', 0, 10, 1)])).toEqual([
      { start: 0, end: 10, color: 1, over: false },
      { start: 5, end: 10, color: 2, over: true },
      { start: 10, end: 15, color: 2, over: false }
    ])
  })

  it('leaves separate highlights alone and covers a nested one entirely', () => {
    expect(highlightPieces([at('a', 0, 4, 1), at('b', 4, 8, 3)])).toEqual([
      { start: 0, end: 4, color: 1, over: false },
      { start: 4, end: 8, color: 3, over: false }
    ])
    expect(highlightPieces([at('a', 0, 20, 1), at('b', 5, 8, 4), at('c', 6, 25, 5)])).toEqual([
      { start: 0, end: 20, color: 1, over: false },
      { start: 5, end: 8, color: 4, over: true },
      { start: 6, end: 20, color: 5, over: true },
      { start: 20, end: 25, color: 5, over: false }
    ])
  })
})
