import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import type { Library } from '../../../src/core/store/Library'
import type { ApiHandlers, MethodName } from '../../../src/shared/api'
import type { Result } from '../../../src/shared/result'
import { tempLibrary } from '../import/tempLibrary'
import { sampleArticle } from '../store/sampleArticle'
import { librarySnapshot } from './librarySnapshot'

let temp: Awaited<ReturnType<typeof tempLibrary>>
let library: Library
let handlers: ApiHandlers
let articleId: string

beforeAll(async () => {
  temp = await tempLibrary()
  library = temp.library
  handlers = createHandlers(library, { host: 'web' })
  const [outcome] = await library.addArticles([
    sampleArticle('Harbour strike enters second week\n\nDock workers walked out on Monday.')
  ])
  articleId = outcome!.article.id
  // With its claims index built and a clean close, a library writes nothing until changed.
  await library.claimBoardRows()
  library = await temp.reopen()
  handlers = createHandlers(library, { host: 'web' })
})
afterAll(() => temp.cleanup())

/** Calls `name` as IPC does and measures how long the host was busy with it. */
async function timed(name: MethodName, input: unknown): Promise<[Result<unknown>, number]> {
  const started = performance.now()
  const result = await dispatch(handlers, name, input)
  return [result, performance.now() - started]
}

/** `count` ids that look like article ids (16 hex digits) and name none. */
function unknownIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => i.toString(16).padStart(16, 'f'))
}

describe('list sizes', () => {
  it.each(['deleteArticles', 'restoreArticles'] as const)(
    'refuses a 1.8 MB %s payload fast, as invalid_input, changing nothing',
    async (name) => {
      const input = { ids: [articleId, ...unknownIds(100_000)] }
      expect(JSON.stringify(input).length).toBeGreaterThan(1_800_000)
      const before = await librarySnapshot(library.dataDir)
      const [result, ms] = await timed(name, input)
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(`^${name}: ids`) }
      })
      expect(ms).toBeLessThan(1000)
      expect(await librarySnapshot(library.dataDir)).toEqual(before)
      expect(library.listArticles().map((a) => a.id)).toEqual([articleId])
    }
  )

  it('takes 10,000 ids, and refuses a list with an unknown one fast and whole', async () => {
    const before = await librarySnapshot(library.dataDir)
    const [result, ms] = await timed('deleteArticles', { ids: [articleId, ...unknownIds(9_999)] })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(ms).toBeLessThan(1000)
    expect(await librarySnapshot(library.dataDir)).toEqual(before)
    expect(library.listArticles().map((a) => a.id)).toEqual([articleId])

    const all = Array.from({ length: 10_000 }, () => articleId)
    expect(await dispatch(handlers, 'deleteArticles', { ids: all })).toEqual({
      ok: true,
      value: undefined
    })
    expect(await dispatch(handlers, 'restoreArticles', { ids: all })).toEqual({
      ok: true,
      value: undefined
    })
    expect(library.listArticles().map((a) => a.id)).toEqual([articleId])
  })

  it.each(['createClaim', 'createAnnotation'] as const)(
    'refuses a %s note beyond the size of any note',
    async (name) => {
      const before = await librarySnapshot(library.dataDir)
      const place = {
        articleId,
        start: 0,
        end: 7,
        ...(name === 'createAnnotation' ? { color: 1 } : {})
      }
      const huge = 'x'.repeat(4_000_001)
      for (const note of [
        huge,
        { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: huge }] }] }
      ]) {
        const result = await dispatch(handlers, name, { ...place, note })
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }
      expect(await librarySnapshot(library.dataDir)).toEqual(before)
    }
  )
})

describe('exact ids over the API', () => {
  it('resolves no prefix: a prefix is not_found for every method that takes an article', async () => {
    const prefix = articleId.slice(0, 8)
    const before = await librarySnapshot(library.dataDir)
    for (const [name, input] of [
      ['getArticle', { id: prefix }],
      ['deleteArticles', { ids: [prefix] }],
      ['restoreArticles', { ids: [prefix] }],
      ['updateArticle', { id: prefix, fields: { title: 'Renamed' } }],
      ['listAnnotations', { articleId: prefix }],
      ['createAnnotation', { articleId: prefix, start: 0, end: 7, color: 1 }],
      ['listClaims', { articleId: prefix }],
      ['createClaim', { articleId: prefix, start: 0, end: 7 }],
      ['listLinks', { articleId: prefix }]
    ] as [MethodName, unknown][]) {
      expect(await dispatch(handlers, name, input), name).toMatchObject({
        ok: false,
        error: { code: 'not_found' }
      })
    }
    expect(await librarySnapshot(library.dataDir)).toEqual(before)
    expect(await dispatch(handlers, 'getArticle', { id: articleId })).toMatchObject({
      ok: true,
      value: { id: articleId }
    })
  })

  it('still resolves a unique prefix for the CLI', async () => {
    const prefix = articleId.slice(0, 8)
    expect(library.findArticle(prefix).id).toBe(articleId)
    expect((await library.getArticle(prefix)).id).toBe(articleId)
    await expect(library.article(prefix)).rejects.toMatchObject({ code: 'not_found' })
  })
})
