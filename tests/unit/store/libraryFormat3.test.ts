import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { Library } from '../../../src/core/store/Library'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import { runDossier } from '../cli/runDossier'

/** A library written by Dossier 0.1.0 (store format 1), kept as that release wrote it. */
const V1 = resolve(import.meta.dirname, '../../fixtures/libraries/v1')
const ARTICLES = resolve(import.meta.dirname, '../../fixtures/articles')
const WIRE = '7e83b64322b66669'
const OPINION = 'ef7a2a665e9e908a'

let root: string
let dataDir: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-format3-'))
  dataDir = join(root, 'library')
  await cp(V1, dataDir, { recursive: true })
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function stored(): Promise<{
  format: number
  articles: Record<string, unknown>[]
}> {
  return JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
    format: number
    articles: Record<string, unknown>[]
  }
}

describe('library.json format 3', () => {
  it('reads a 0.1.0 library’s typed dates into dates it sorts by, keeping what was typed', async () => {
    // 0.1.0 kept "Published" as free text: give the fixture's copy two such values.
    const v1 = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
      articles: Record<string, unknown>[]
    }
    v1.articles[0]!.publishedAt = '31/12/2025'
    v1.articles[1]!.publishedAt = 'last Wednesday'
    await writeFile(join(dataDir, 'library.json'), JSON.stringify(v1))
    const library = await Library.open(dataDir, 'test')
    try {
      expect(library.notices).toEqual([])
      expect(library.findArticle(WIRE)).toMatchObject({
        publishedAt: '31/12/2025',
        publishedDate: '2025-12-31'
      })
      const opinion = library.findArticle(OPINION)
      expect(opinion.publishedAt).toBe('last Wednesday')
      expect(opinion.publishedDate).toBeUndefined()
      // Saved in format 3 at the next change, dates included.
      await library.updateArticle(OPINION, { publishedAt: 'November 27, 2026' })
    } finally {
      await library.close()
    }
    const file = await stored()
    expect(file.format).toBe(3)
    expect(file.articles.find((a) => a.id === WIRE)).toMatchObject({ publishedDate: '2025-12-31' })
    expect(file.articles.find((a) => a.id === OPINION)).toMatchObject({
      publishedAt: 'November 27, 2026',
      publishedDate: '2026-11-27'
    })
  })

  it('keeps every file an article arrived as: the UTF-16 copy of one imported as UTF-8', async () => {
    const library = await Library.open(dataDir, 'test')
    try {
      const [outcome] = await importPathSources(library, [
        join(ARTICLES, 'harbor-strike-wire.utf16.txt')
      ])
      expect(outcome).toMatchObject({ status: 'duplicate', articleId: WIRE })
      // The same file again adds nothing: it is already on record.
      await importPathSources(library, [join(ARTICLES, 'harbor-strike-wire.utf16.txt')])
      const wire = library.findArticle(WIRE)
      expect(wire.origin).toMatchObject({ fileName: 'harbor-strike-wire.txt', encoding: 'utf-8' })
      expect(wire.arrivals).toHaveLength(1)
      expect(wire.arrivals![0]).toMatchObject({
        kind: 'file',
        fileName: 'harbor-strike-wire.utf16.txt',
        encoding: 'utf-16le'
      })
      expect(wire.arrivals![0]!.byteSha256).toMatch(/^[0-9a-f]{64}$/)
      expect(wire.arrivals![0]!.byteSha256).not.toBe(wire.origin.byteSha256)
      expect(Date.parse(wire.arrivals![0]!.arrivedAt)).not.toBeNaN()
    } finally {
      await library.close()
    }
    const reopened = await Library.open(dataDir, 'test')
    try {
      expect(reopened.findArticle(WIRE).arrivals?.map((a) => a.fileName)).toEqual([
        'harbor-strike-wire.utf16.txt'
      ])
    } finally {
      await reopened.close()
    }
    expect((await stored()).format).toBe(3)
    // dossier show carries the evidence, as text and as JSON.
    const shown = await runDossier(dataDir, 'show', WIRE)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(
      /also arrived as harbor-strike-wire\.utf16\.txt · utf-16le · sha256 [0-9a-f]{64}/
    )
    const json = await runDossier(dataDir, '--json', 'show', WIRE)
    expect(JSON.parse(json.stdout)).toMatchObject({
      arrivals: [{ fileName: 'harbor-strike-wire.utf16.txt', encoding: 'utf-16le' }]
    })
  })

  it('refuses a date it cannot read and a URL that is not http or https, naming the field', async () => {
    const library = await Library.open(dataDir, 'test')
    try {
      const handlers = createHandlers(library, { host: 'web' })
      const edit = (fields: Record<string, string>) =>
        dispatch(handlers, 'updateArticle', { id: WIRE, fields })
      const date = await edit({ publishedAt: 'last Wednesday' })
      expect(date).toMatchObject({ ok: false })
      expect(JSON.stringify(date)).toMatch(/publishedAt/)
      expect(JSON.stringify(date)).toMatch(/not a date Dossier understands/)
      const url = await edit({ url: 'javascript:alert(1)' })
      expect(JSON.stringify(url)).toMatch(/url/)
      expect(JSON.stringify(url)).toMatch(/only http and https/)
      expect(
        await edit({ publishedAt: '27 Nov 2026', url: 'https://example.org/a' })
      ).toMatchObject({ ok: true })
      expect(library.findArticle(WIRE)).toMatchObject({
        publishedAt: '27 Nov 2026',
        publishedDate: '2026-11-27',
        url: 'https://example.org/a'
      })
    } finally {
      await library.close()
    }
  })
})
