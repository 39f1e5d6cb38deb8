import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { findSamplesFolder, SAMPLE_MANIFEST } from '../../../src/core/samples/findSamplesFolder'
import { loadSampleLibrary } from '../../../src/core/samples/loadSampleLibrary'
import { Library } from '../../../src/core/store/Library'
import { docToPlain } from '../../../src/shared/richText'
import { sampleArticle } from '../store/sampleArticle'

const repo = resolve(import.meta.dirname, '../../..')
const samples = join(repo, 'resources/samples')

let root: string
let dataDir: string
let library: Library

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-samples-'))
  dataDir = join(root, 'library')
  library = await Library.open(dataDir, 'test')
})
afterEach(async () => {
  await library.close()
  await rm(root, { recursive: true, force: true })
})

/** Everything an analyst would see of the library, to compare before and after a refusal. */
async function contents(lib: Library) {
  const articles = lib.listArticles()
  return {
    articles: articles.map((a) => a.title),
    trash: lib.listArticles({ trash: true }).length,
    sources: (await lib.listSources()).map((s) => s.name),
    claims: (await lib.claimBoardRows()).length
  }
}

describe('loadSampleLibrary', () => {
  it('fills an empty library with articles, highlights, graded sources, claims and links', async () => {
    const loaded = await loadSampleLibrary(library)
    expect(loaded.articleIds).toHaveLength(3)
    expect(loaded.openIds).toEqual(loaded.articleIds.slice(0, 2))
    expect(loaded).toMatchObject({ highlights: 7, claims: 11, links: 6 })

    // Reopened, as after a restart: everything is on disk.
    await library.close()
    library = await Library.open(dataDir, 'test')
    const articles = library.listArticles()
    expect(articles.map((a) => a.source).sort()).toEqual([
      'Coastline News Agency',
      'Halvard Lines',
      'The Kessa Courier'
    ])
    const [wire, courier] = loaded.openIds.map((id) => articles.find((a) => a.id === id)!)
    expect(wire!.title).toMatch(/^Ferry runs aground/)
    expect(wire!.tags).toEqual(['sample', 'Northern Wren'])
    expect(wire!.origin).toMatchObject({ kind: 'file', format: 'markdown', encoding: 'utf-8' })
    expect(wire!.origin.filePath).toBeUndefined()

    const highlights = await library.listAnnotations(wire!.id)
    expect(highlights.map((h) => h.quote.exact)).toContain('in thick fog')
    const fog = highlights.find((h) => h.quote.exact === 'in thick fog')!
    expect(fog.color).toBe(2)
    expect(docToPlain(fog.note)).toMatch(/sky was clear/)

    const sources = new Map((await library.listSources()).map((s) => [s.id, s]))
    const board = await library.claimBoardRows()
    expect(board).toHaveLength(11)
    const count = board.find((c) => c.exact.startsWith('All 212 passengers'))!
    expect(count).toMatchObject({
      articleId: wire!.id,
      sourceName: 'Dana Okafor',
      reliability: 'B',
      attribution: 'named',
      status: 'disputed',
      credibility: 3,
      statement: '212 people were on board.'
    })
    expect(sources.get(count.sourceId!)!.gradeHistory).toEqual([
      expect.objectContaining({ to: 'B', reason: expect.stringMatching(/spokesperson/) })
    ])
    const [claim] = (await library.listClaims(wire!.id)).filter((c) => c.id === count.id)
    expect(claim!.attributionSpan!.quote.exact).toBe(
      'said Dana Okafor, a spokesperson for the coastguard'
    )

    const links = await library.listLinks(courier!.id)
    expect(links).toContainEqual(
      expect.objectContaining({
        link: expect.objectContaining({ relation: 'contradicts', toClaimId: count.id }),
        outgoing: true,
        other: expect.objectContaining({ exact: count.exact })
      })
    )
    const corroboration = await library.getCorroboration(count.id)
    expect(corroboration.contradicting).toHaveLength(1)
    expect(corroboration.supporting).toHaveLength(1)
  })

  it('takes the attributing phrase nearest its claim', async () => {
    const loaded = await loadSampleLibrary(library)
    const claims = await library.listClaims(loaded.openIds[1]!)
    const warning = claims.find((c) => c.quote.exact.startsWith('He told us'))!
    expect(warning.attributionSpan!.quote.exact).toBe('she said')
    expect(warning.attributionSpan!.position.start).toBeGreaterThan(warning.position.end)
    expect(warning.attributionSpan!.position.start - warning.position.end).toBeLessThan(5)
  })

  it('refuses a library with an article, or with one in the Trash, and changes nothing', async () => {
    const [outcome] = await library.addArticles([sampleArticle('An analyst’s own article.')])
    const before = await contents(library)
    await expect(loadSampleLibrary(library)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/only into an empty library.*1 article/)
    })
    expect(await contents(library)).toEqual(before)

    await library.deleteArticles([outcome!.article.id])
    await expect(loadSampleLibrary(library)).rejects.toMatchObject({ code: 'refused' })
    expect(await contents(library)).toEqual({ ...before, articles: [], trash: 1 })
  })

  it('stores the samples once when asked twice at the same time', async () => {
    const results = await Promise.allSettled([
      loadSampleLibrary(library),
      loadSampleLibrary(library)
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(library.listArticles()).toHaveLength(3)
    expect(await library.claimBoardRows()).toHaveLength(11)
    expect(await library.listSources()).toHaveLength(7)
  })

  it('keeps the registry’s own entry and grade for a claimant it already has', async () => {
    const okafor = await library.createSource({ name: 'dana okafor', kind: 'person' })
    await library.gradeSource({ id: okafor.id, reliability: 'D', reason: 'My own grade' })
    await loadSampleLibrary(library)
    const sources = await library.listSources()
    expect(sources.filter((s) => /okafor/i.test(s.name))).toEqual([
      expect.objectContaining({ id: okafor.id, reliability: 'D', claims: 2 })
    ])
  })

  it('checks the whole sample library before storing any of it', async () => {
    const folder = join(root, 'samples')
    await cp(samples, folder, { recursive: true })
    const manifest = JSON.parse(await readFile(join(folder, SAMPLE_MANIFEST), 'utf8'))
    manifest.links.push({ from: 'courier-count', relation: 'supports', to: 'no-such-claim' })
    await writeFile(join(folder, SAMPLE_MANIFEST), JSON.stringify(manifest))
    await expect(loadSampleLibrary(library, folder)).rejects.toThrow(
      /damaged: sample-library\.json: no claim has the key “no-such-claim”/
    )

    manifest.links.pop()
    manifest.claims[0].quote = 'A passage no sample article has'
    await writeFile(join(folder, SAMPLE_MANIFEST), JSON.stringify(manifest))
    await expect(loadSampleLibrary(library, folder)).rejects.toThrow(
      /northern-wren-wire\.md: “A passage no sample article has” is not in the article/
    )

    manifest.claims[0].quote = 'More'
    manifest.sources[0].reliability = 'Z'
    await writeFile(join(folder, SAMPLE_MANIFEST), JSON.stringify(manifest))
    await expect(loadSampleLibrary(library, folder)).rejects.toThrow(/sources\.0\.reliability/)
    expect(await contents(library)).toEqual({ articles: [], trash: 0, sources: [], claims: 0 })
  })
})

describe('findSamplesFolder', () => {
  it('finds resources/samples/ from the sources, the built bundle and an installed app.asar', async () => {
    expect(await findSamplesFolder()).toBe(samples)
    expect(await findSamplesFolder(join(repo, 'out/main'))).toBe(samples)
    expect(await findSamplesFolder(join(repo, 'out/main/chunks'))).toBe(samples)
    const asar = join(root, 'Dossier/resources/app.asar')
    await mkdir(join(asar, 'out/main'), { recursive: true })
    await cp(samples, join(asar, 'resources/samples'), { recursive: true })
    expect(await findSamplesFolder(join(asar, 'out/main'))).toBe(join(asar, 'resources/samples'))
  })

  it('says the samples are missing, and what to do, when they are', async () => {
    await expect(findSamplesFolder(join(root, 'a/b'))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/missing from this installation.*Reinstall/)
    })
  })

  it('is packed into the installers (electron-builder.yml’s files)', async () => {
    const config = parse(await readFile(join(repo, 'electron-builder.yml'), 'utf8'))
    expect(config.files).toContain('resources/samples/**/*')
  })
})
