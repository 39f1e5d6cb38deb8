import { describe, expect, it } from 'vitest'
import { parsePublished, publishedDateOf, urlProblem } from '../../../src/shared/publishedDate'

describe('parsePublished', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27T08:30:00Z', '2026-11-27'],
    ['2026-11-27 08:30', '2026-11-27'],
    ['2026-11', '2026-11'],
    ['2026', '2026'],
    ['31/12/2025', '2025-12-31'],
    ['1.2.2026', '2026-02-01'],
    ['05-03-2026', '2026-03-05'],
    ['27 Nov 2026', '2026-11-27'],
    ['27 November 2026', '2026-11-27'],
    ['3rd Sept. 2026', '2026-09-03'],
    ['November 27, 2026', '2026-11-27'],
    ['nov 27 2026', '2026-11-27'],
    ['March 2026', '2026-03'],
    ['29/02/2024', '2024-02-29'],
    ['  27   Nov   2026 ', '2026-11-27']
  ])('%s is %s', (typed, date) => {
    expect(parsePublished(typed)).toEqual({ date })
  })

  it.each([
    'last Wednesday',
    '12/31/2025',
    '31/02/2026',
    '29/02/2025',
    '2026-13-01',
    '2026-02-30',
    '27 Novembre 2026',
    'Nov 32, 2026',
    '27/11/26',
    ''
  ])('refuses %j, saying which forms it reads', (typed) => {
    const parsed = parsePublished(typed)
    expect(parsed).toHaveProperty('error')
    expect('error' in parsed && parsed.error).toMatch(/2026-11-27, 27\/11\/2026, 27 Nov 2026/)
  })

  it('sorts as dates, not as strings', () => {
    const typed = ['31/12/2025', '2026-11-27', '1 Jan 2026', 'March 2026']
    const sorted = [...typed].sort((a, b) => publishedDateOf(a)!.localeCompare(publishedDateOf(b)!))
    expect(sorted).toEqual(['31/12/2025', '1 Jan 2026', 'March 2026', '2026-11-27'])
    expect(publishedDateOf('last Wednesday')).toBeUndefined()
    expect(publishedDateOf('')).toBeUndefined()
  })
})

describe('urlProblem', () => {
  it('accepts http and https addresses and nothing else', () => {
    expect(urlProblem('https://example.org/a?b=1')).toBeUndefined()
    expect(urlProblem('http://example.org')).toBeUndefined()
    expect(urlProblem('')).toBeUndefined()
    expect(urlProblem('javascript:alert(1)')).toMatch(/javascript: address/)
    expect(urlProblem('file:///etc/passwd')).toMatch(/only http and https/)
    expect(urlProblem('example.org/page')).toMatch(/should start with https:\/\//)
  })
})
