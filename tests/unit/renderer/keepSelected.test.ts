import { describe, expect, it } from 'vitest'
import { keepSelected } from '../../../src/renderer/src/library/keepSelected'

describe('keepSelected', () => {
  it('keeps those still in view and those selected since the question; drops those that left', () => {
    const now = new Set(['a', 'b', 'c', 'new'])
    expect([...keepSelected(now, ['a', 'b', 'c'], ['c', 'a'])]).toEqual(['a', 'c', 'new'])
  })

  it('returns the same set when nothing left, so nothing renders again', () => {
    const now = new Set(['a', 'b'])
    expect(keepSelected(now, ['a', 'b'], ['b', 'a'])).toBe(now)
    expect(keepSelected(now, [], [])).toBe(now)
  })

  it('handles select all of 100,000 in linear time', () => {
    const all = Array.from({ length: 100_000 }, (_, i) => `id${i}`)
    const kept = all.filter((_, i) => i % 2 === 0)
    const started = performance.now()
    const next = keepSelected(new Set(all), all, kept)
    // The quadratic filter compared up to 1e10 times here (seconds); this takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
    expect(next.size).toBe(50_000)
    expect(next.has('id0')).toBe(true)
    expect(next.has('id1')).toBe(false)
  })
})
