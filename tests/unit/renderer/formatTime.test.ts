import { describe, expect, it } from 'vitest'
import { formatShortTime, formatTime, today } from '../../../src/renderer/src/format/formatTime'

/** A local time, as the analyst's clock reads it. */
const at = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(y, m - 1, d, h, min)

describe('formatShortTime', () => {
  const now = at(2026, 12, 3, 15, 30)
  it('shows the time for today, the day for this year and the date for other years', () => {
    expect(formatShortTime(at(2026, 12, 3, 9, 5).toISOString(), now)).toBe('09:05')
    expect(formatShortTime(at(2026, 12, 2, 23, 59).toISOString(), now)).toBe('2 Dec')
    expect(formatShortTime(at(2026, 1, 3, 15, 30).toISOString(), now)).toBe('3 Jan')
    expect(formatShortTime(at(2025, 12, 3, 15, 30).toISOString(), now)).toBe('2025-12-03')
  })
  it('leaves what is not a time as it came, as formatTime does', () => {
    expect(formatShortTime('not a time', now)).toBe('not a time')
    expect(formatTime('not a time')).toBe('not a time')
    expect(formatTime(at(2026, 3, 8, 6, 10).toISOString())).toBe('2026-03-08 06:10')
  })
  it('today() is one object for the day', () => {
    const first = today()
    expect(today()).toBe(first)
    expect(first.toDateString()).toBe(new Date().toDateString())
  })
})
