import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codePointOffsets } from '../../../src/core/export/codePointOffsets'
import { exportLibrary } from '../../../src/core/export/exportLibrary'
import { ExportJob } from '../../../src/core/export/ExportJob'
import type { ExportRequest } from '../../../src/shared/exporting'
import { repoRoot } from '../store/runTsArgs'
import type { FilledLibrary } from './filledLibrary'
import { filledLibrary } from './filledLibrary'
import { webAnnotationMusts } from './webAnnotationSuite'

type Json = Record<string, unknown> & {
  id: string
  motivation?: string
  target?: unknown
  body?: unknown
}

let filled: FilledLibrary
let collection: Json & { first: { items: Json[] } }
let texts: Map<string, string>

beforeAll(async () => {
  filled = await filledLibrary()
  collection = JSON.parse(await exportAs({ format: 'wa' }))
  texts = new Map()
  for (const article of filled.library.listArticles()) {
    const { text, textSha256 } = await filled.library.article(article.id)
    texts.set(`urn:dossier:text:sha256:${textSha256}`, text)
  }
})
afterAll(() => filled.cleanup())

async function exportAs(request: ExportRequest): Promise<string> {
  const { files } = await exportLibrary(filled.library, request, new ExportJob())
  return files[0]!.content
}

/** Every SpecificResource with selectors in a value, wherever it is nested. */
function specificResources(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(specificResources)
  if (typeof value !== 'object' || value === null) return []
  const object = value as Json
  const own = object.type === 'SpecificResource' ? [object] : []
  return [...own, ...Object.values(object).flatMap(specificResources)]
}

/** The code points of `text` from `start` to `end` (end exclusive). */
function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('')
}

describe('the Web Annotation export', () => {
  it('holds every highlight, claim, note and link of the library', () => {
    const motivations = collection.first.items.map((item) => item.motivation).sort()
    expect(motivations).toEqual([
      'assessing',
      'assessing',
      'assessing',
      'assessing',
      'commenting',
      'commenting',
      'highlighting',
      'highlighting',
      'linking',
      'linking'
    ])
    expect(collection.total).toBe(collection.first.items.length)
  })

  it('every annotation passes the must-level assertions of the W3C test suite', () => {
    const musts = webAnnotationMusts('annotations/annotationMusts.test')
    for (const annotation of collection.first.items)
      expect(musts(annotation), `${annotation.motivation} ${annotation.id}`).toEqual([])
  })

  it('the collection and its page pass the suite’s collection and page musts', () => {
    expect(webAnnotationMusts('collections/collectionMusts.test')(collection)).toEqual([])
    expect(webAnnotationMusts('collections/pages/pageMusts.test')(collection.first)).toEqual([])
  })

  it('positions count code points: the code-point slice of the article at [start, end) is exact', () => {
    const resources = collection.first.items.flatMap((item) => specificResources(item.target))
    expect(resources.length).toBeGreaterThanOrEqual(7)
    for (const resource of resources) {
      const source = resource.source as { id: string; title: string }
      const text = texts.get(source.id)!
      expect(text, source.id).toBeDefined()
      const selectors = resource.selector as Json[]
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as unknown as {
        exact: string
      }
      const position = selectors.find((s) => s.type === 'TextPositionSelector') as unknown as {
        start: number
        end: number
      }
      expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact)
    }
    // Before "roughly 2,400" come an emoji, a flag and two astral CJK characters: offsets
    // in UTF-16 units would be 5 more than in code points.
    const union = collection.first.items.find((item) =>
      JSON.stringify(item).includes('"exact":"roughly 2,400 workers walked out 👷🏽"')
    )!
    const text = [...texts.values()].find((t) => t.includes('roughly 2,400 workers walked out'))!
    const position = specificResources(union.target)[0]!.selector as Json[]
    expect(position[1]).toMatchObject({
      start: text.indexOf('roughly') - 5,
      end: text.indexOf('roughly') - 5 + [...'roughly 2,400 workers walked out 👷🏽'].length
    })
  })

  it('targets each article by a stable urn of its text, with its title', () => {
    const sources = collection.first.items.flatMap((item) =>
      specificResources(item.target).map((r) => r.source as Json)
    )
    for (const source of sources) {
      expect(source.id).toMatch(/^urn:dossier:text:sha256:[0-9a-f]{64}$/)
      expect(source.type).toBe('Text')
      expect(typeof source.title).toBe('string')
    }
    expect(sources.map((s) => s.title)).toContain('🚢 Harbour report')
  })

  it('puts claim fields in the documented extension, and links claims with linking annotations', async () => {
    const documented = JSON.parse(
      await readFile(resolve(repoRoot, 'docs/web-annotation-context.jsonld'), 'utf8')
    ) as { '@context': Record<string, unknown> }
    const used = new Set(
      [...JSON.stringify(collection).matchAll(/"(dossier:[A-Za-z]+)"/g)].map((m) => m[1]!)
    )
    for (const term of used) expect(documented['@context'], term).toHaveProperty(term.slice(8))
    const claim = collection.first.items.find(
      (item) => item.motivation === 'assessing' && JSON.stringify(item).includes('Ilse Marrow')
    )!
    const assessment = (claim.body as Json[]).find((b) => b.type === 'dossier:ClaimAssessment')!
    expect(assessment).toMatchObject({
      'dossier:status': 'disputed',
      'dossier:grade': 'B3',
      'dossier:claimant': { 'dossier:name': 'Ilse Marrow', 'dossier:reliability': 'B' }
    })
    const tags = (claim.body as Json[]).filter((b) => b.purpose === 'tagging').map((b) => b.value)
    expect(tags).toEqual(['figures', '@mention'])
    const links = collection.first.items.filter((item) => item.motivation === 'linking')
    expect(links.map((l) => l['dossier:relation']).sort()).toEqual(['contradicts', 'repeats'])
    for (const link of links) {
      expect(collection.first.items.map((i) => i.id)).toContain(link.target)
      expect(collection.first.items.map((i) => i.id)).toContain(link.body)
    }
  })

  it('notes are HTML TextualBodies with their markup escaped', () => {
    const bodies = collection.first.items
      .flatMap((item) => (Array.isArray(item.body) ? (item.body as Json[]) : []))
      .filter((body) => body.format === 'text/html')
    expect(bodies.length).toBeGreaterThan(2)
    for (const body of bodies) {
      expect(body.value).not.toMatch(/<script|<img|javascript:/i)
    }
    expect(bodies.map((b) => b.value).join('')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('a notebook as Web Annotation', () => {
  it('comments on the passages it quotes, with the claims it quotes, every one passing the musts', async () => {
    const [notebook] = filled.library.listNotebooks()
    const page = JSON.parse(await exportAs({ format: 'wa', notebookId: notebook!.id })).first as {
      items: Json[]
    }
    // The quoted claim comes with its links; the notebook comments on both passages.
    expect(page.items.map((item) => item.motivation)).toEqual([
      'assessing',
      'linking',
      'linking',
      'commenting'
    ])
    const comment = page.items[3]!
    expect((comment.body as Json[])[0]).toMatchObject({
      type: 'TextualBody',
      format: 'text/html',
      'dossier:title': 'Strike write-up: 🚢 & <draft>'
    })
    const targets = specificResources(comment.target)
    expect(targets.map((t) => (t.source as Json).title)).toEqual([
      '🚢 Harbour report',
      'Freight forwarders count the cost'
    ])
    for (const target of targets) {
      const selectors = target.selector as unknown as [
        { exact: string },
        { start: number; end: number }
      ]
      const text = texts.get((target.source as Json).id as string)!
      expect(codePointSlice(text, selectors[1].start, selectors[1].end)).toBe(selectors[0].exact)
    }
    const musts = webAnnotationMusts('annotations/annotationMusts.test')
    for (const item of page.items) expect(musts(item)).toEqual([])
  })
})

describe('code points', () => {
  it.each([
    ['ascii', 'abc', [0, 1, 3], [0, 1, 3]],
    ['an emoji', 'a🚢b', [0, 1, 3, 4], [0, 1, 2, 3]],
    ['a flag and a skin tone', '🇳🇴x👷🏽', [0, 4, 5, 9], [0, 2, 3, 5]],
    ['astral CJK', '𠀋𠀍中', [0, 2, 4, 5], [0, 1, 2, 3]],
    ['a lone surrogate', '\ud83dx', [0, 1, 2], [0, 1, 2]]
  ])('converts UTF-16 offsets in %s', (_name, text, utf16, expected) => {
    const convert = codePointOffsets(text)
    expect(utf16.map(convert)).toEqual(expected)
  })
})
