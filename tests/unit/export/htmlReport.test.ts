import { parseHTML } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportLibrary } from '../../../src/core/export/exportLibrary'
import { ExportJob } from '../../../src/core/export/ExportJob'
import type { FilledLibrary } from './filledLibrary'
import { astralText, filledLibrary, hostileText } from './filledLibrary'

let filled: FilledLibrary
let html: string
let document: ReturnType<typeof parseHTML>['document']

beforeAll(async () => {
  filled = await filledLibrary()
  const { files } = await exportLibrary(filled.library, { format: 'html' }, new ExportJob())
  html = files[0]!.content
  document = parseHTML(html).document
})
afterAll(() => filled.cleanup())

describe('the HTML report', () => {
  it('is one self-contained file: no script, no handlers, nothing loaded from anywhere', () => {
    expect(
      document.querySelectorAll('script, iframe, object, embed, img, link, base, form')
    ).toHaveLength(0)
    for (const element of document.querySelectorAll('*')) {
      for (const { name, value } of [...element.attributes]) {
        expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i)
        if (name === 'href') expect(value).toMatch(/^(#|https?:\/\/)/)
        expect(name).not.toBe('src')
      }
    }
    expect(html).not.toMatch(/javascript:alert\(2\)"/)
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')
    expect(policy?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    expect(document.querySelector('style')!.textContent).toContain('@media print')
  })

  it('escapes every piece of user text: titles, sources, quotes, notes, colour names', () => {
    const titles = [...document.querySelectorAll('h2')].map((h) => h.textContent)
    expect(titles).toContain('<script>alert(1)</script> =cmd|/c calc')
    expect(document.body.textContent).toContain('Wire <i>service</i>')
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(document.body.textContent).toContain('Place <b>')
    expect(document.querySelectorAll('i, b')).toHaveLength(0)
  })

  it('shows each article’s text whole, with its highlights and claims marked', () => {
    const texts = [...document.querySelectorAll('.text')].map((div) => {
      const copy = div.cloneNode(true) as typeof div
      for (const ref of copy.querySelectorAll('sup.ref')) ref.remove()
      return copy.textContent
    })
    expect(texts).toContain(astralText)
    expect(texts).toContain(hostileText)
    const astral = document.getElementById(`a-${filled.astral.id}`)!
    const marks = [...astral.querySelectorAll('.text mark')]
    expect(marks.map((m) => m.className)).toEqual(['c2', 's-disputed', 's-checking'])
    expect(marks[1]!.textContent).toBe('roughly 2,400 workers walked out 👷🏽')
    expect(astral.querySelectorAll('.text sup.ref a')).toHaveLength(3)
    const first = astral.querySelector('.text sup.ref a')!.getAttribute('href')!
    expect(document.getElementById(first.slice(1))).not.toBeNull()
  })

  it('has a legend and a claims table with grades and statuses', () => {
    expect(document.querySelectorAll('.legend li')).toHaveLength(12)
    const rows = [...document.querySelectorAll('table tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent)
    )
    expect(rows).toHaveLength(4)
    expect(rows).toContainEqual([
      'roughly 2,400 workers walked out 👷🏽',
      'Ilse Marrow',
      'B3',
      'disputed',
      'figures, @mention',
      '🚢 Harbour report'
    ])
    expect(rows).toContainEqual([
      'fewer than 1,100 stayed away',
      'Port <authority>',
      'D2',
      'checking',
      '',
      '🚢 Harbour report'
    ])
  })

  it('includes the notebooks and notes, their quotes naming the article', () => {
    const notebook = [...document.querySelectorAll('section')].find((s) =>
      s.querySelector('h2')?.textContent?.startsWith('Notebook:')
    )!
    expect(notebook.querySelector('h2')!.textContent).toBe(
      'Notebook: Strike write-up: 🚢 & <draft>'
    )
    const quotes = [...notebook.querySelectorAll('blockquote.passage footer')].map(
      (f) => f.textContent
    )
    expect(quotes).toEqual(['— 🚢 Harbour report', '— Freight forwarders count the cost'])
    const links = [...document.querySelectorAll('.note a')].map((a) => a.getAttribute('rel'))
    expect(links.length).toBeGreaterThan(0)
    expect(new Set(links)).toEqual(new Set(['noopener noreferrer']))
  })
})
