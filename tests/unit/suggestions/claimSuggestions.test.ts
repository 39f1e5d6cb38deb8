import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiHandlers, MethodName } from '../../../src/shared/api'
import type { ClaimSuggestion } from '../../../src/shared/suggestion'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { Library } from '../../../src/core/store/Library'
import { repoRoot } from '../store/runTsArgs'

const wireFile = resolve(repoRoot, 'tests/fixtures/articles/harbor-strike-wire.txt')

let root: string
let library: Library
let api: ApiHandlers
let articleId: string
let text: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-suggestions-'))
  library = await Library.open(join(root, 'library'), 'test')
  const [outcome] = await importPathSources(library, [wireFile])
  if (outcome?.status !== 'imported') throw new Error('the wire fixture did not import')
  articleId = outcome.article.id
  text = (await library.article(articleId)).text
  api = createHandlers(library, { host: 'web' })
})
afterEach(async () => {
  await library.close()
  await rm(root, { recursive: true, force: true })
})

/** A call as a host makes it: validated against the contract, answered as a Result. */
function call<K extends MethodName>(name: K, input: unknown) {
  return dispatch(api, name, input)
}

function byQuote(list: ClaimSuggestion[], start: string): ClaimSuggestion {
  const found = list.find((s) => s.quote.startsWith(start))
  if (!found) throw new Error(`no suggestion starts “${start}”`)
  return found
}

async function reopen(): Promise<void> {
  await library.close()
  library = await Library.open(join(root, 'library'), 'test')
  api = createHandlers(library, { host: 'web' })
}

describe('suggestClaims', () => {
  it('never holds up a save while the finder loads its model', async () => {
    let suggested = false
    const suggesting = api.suggestClaims({ articleId }).then(() => (suggested = true))
    await api.createAnnotation({ articleId, start: 0, end: 4, color: 1 })
    expect(suggested, 'the save waited for the finder').toBe(false)
    await suggesting
  })

  it('offers each attribution with offsets in the stored text and a stable key', async () => {
    const list = await api.suggestClaims({ articleId })
    expect(list.length).toBeGreaterThanOrEqual(8)
    for (const s of list) {
      expect(text.slice(s.start, s.end)).toBe(s.quote)
      expect(text.slice(s.cueStart, s.cueEnd)).toBe(s.cue)
      expect(s.key).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(new Set(list.map((s) => s.key)).size).toBe(list.length)
    expect(byQuote(list, 'fewer than 1,100')).toMatchObject({
      claimant: 'Its spokesperson, Tomas Reyl',
      cue: 'said',
      attribution: 'named'
    })
    expect(byQuote(list, 'the two sides had reportedly')).toMatchObject({
      claimant: 'sources close to the talks',
      attribution: 'anonymous'
    })
    await reopen()
    expect((await api.suggestClaims({ articleId })).map((s) => s.key)).toEqual(
      list.map((s) => s.key)
    )
  })

  it('names the registry source a claimant is, by name or alias', async () => {
    const union = await library.createSource({
      name: 'Velmora Dockers’ Union',
      kind: 'organisation',
      aliases: ['the union']
    })
    const reyl = await library.createSource({ name: 'Tomas Reyl', kind: 'person' })
    const list = await api.suggestClaims({ articleId })
    expect(byQuote(list, 'roughly 2,400').sourceId).toBe(union.id)
    expect(byQuote(list, 'fewer than 1,100').sourceId).toBe(reyl.id)
    expect(byQuote(list, 'About 30 ships').sourceId).toBeUndefined()
  })

  it('refuses an article that is not in the library', async () => {
    expect(await call('suggestClaims', { articleId: 'feedfacefeedface' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })
})

describe('rejectSuggestion', () => {
  it('is remembered in the article’s annotation file, across a restart', async () => {
    const [first, second] = await api.suggestClaims({ articleId })
    await api.rejectSuggestion({ articleId, key: first!.key })
    await api.rejectSuggestion({ articleId, key: second!.key })
    const left = (await api.suggestClaims({ articleId })).map((s) => s.key)
    expect(left).not.toContain(first!.key)
    expect(left).not.toContain(second!.key)
    await reopen()
    expect((await api.suggestClaims({ articleId })).map((s) => s.key)).toEqual(left)
    const file = JSON.parse(
      await readFile(join(root, 'library', 'annotations', `${articleId}.json`), 'utf8')
    ) as { rejectedSuggestions: string[] }
    expect(file.rejectedSuggestions).toEqual([first!.key, second!.key])
  })

  it('refuses a key that is not an open suggestion, changing nothing', async () => {
    const [first] = await api.suggestClaims({ articleId })
    await api.rejectSuggestion({ articleId, key: first!.key })
    for (const key of [first!.key, '0123456789abcdef'])
      expect(await call('rejectSuggestion', { articleId, key })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringMatching(/^key: /) }
      })
    expect(await library.rejectedSuggestions(articleId)).toEqual(new Set([first!.key]))
  })
})

describe('acceptSuggestions', () => {
  it('makes claims with claimant, attribution and cue, reusing or adding sources', async () => {
    const reyl = await library.createSource({ name: 'Tomas Reyl', kind: 'person' })
    const list = await api.suggestClaims({ articleId })
    const chosen = ['fewer than 1,100', 'figure counted everyone', 'Nobody has gone back']
      .map((start) => byQuote(list, start))
      .concat(byQuote(list, 'the two sides had reportedly'))
    const { claims, sources } = await api.acceptSuggestions({
      articleId,
      keys: chosen.map((s) => s.key)
    })

    expect(claims.map((c) => c.quote.exact)).toEqual(chosen.map((s) => s.quote))
    for (const [i, claim] of claims.entries()) {
      expect(claim.position).toEqual({ start: chosen[i]!.start, end: chosen[i]!.end })
      expect(claim.attribution).toBe(chosen[i]!.attribution)
      expect(claim.attributionSpan?.quote.exact).toBe(chosen[i]!.cue)
      expect(claim.statement).toBe('')
    }
    // Ilse Marrow is entered once for both of her claims, by her name without her role.
    expect(sources.map((s) => [s.name, s.kind])).toEqual([
      ['Ilse Marrow', 'person'],
      ['sources close to the talks', 'anonymous']
    ])
    const marrow = sources[0]!.id
    expect(claims.map((c) => c.sourceId)).toEqual([reyl.id, marrow, marrow, sources[1]!.id])

    const open = (await api.suggestClaims({ articleId })).map((s) => s.key)
    for (const s of chosen) expect(open).not.toContain(s.key)
    expect(await api.listClaims({ articleId })).toHaveLength(4)
  })

  it('is undone by deleting the claims, then the sources: the suggestions come back', async () => {
    const before = await api.suggestClaims({ articleId })
    const accepted = await api.acceptSuggestions({ articleId, keys: [before[1]!.key] })
    for (const claim of accepted.claims) await api.deleteClaim({ articleId, id: claim.id })
    for (const source of accepted.sources) await api.deleteSource({ id: source.id })
    expect(await api.suggestClaims({ articleId })).toEqual(before)
    expect(await api.listSources({})).toEqual([])
  })

  it('checks every key before storing anything', async () => {
    const [first] = await api.suggestClaims({ articleId })
    expect(
      await call('acceptSuggestions', { articleId, keys: [first!.key, 'ffffffffffffffff'] })
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/^keys\[1\]: /) }
    })
    expect(await api.listClaims({ articleId })).toEqual([])
    expect(await api.listSources({})).toEqual([])
  })

  it('makes one claim of a suggestion accepted twice at once', async () => {
    const [first] = await api.suggestClaims({ articleId })
    const results = await Promise.all([
      call('acceptSuggestions', { articleId, keys: [first!.key, first!.key] }),
      call('acceptSuggestions', { articleId, keys: [first!.key] })
    ])
    expect(results.map((r) => r.ok)).toEqual([true, false])
    expect(await api.listClaims({ articleId })).toHaveLength(1)
  })
})
