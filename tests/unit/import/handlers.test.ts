import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import type { ApiHandlers } from '../../../src/shared/api'
import { sha256 } from '../../../src/core/store/sha256'
import { tempLibrary } from './tempLibrary'

let env: Awaited<ReturnType<typeof tempLibrary>>
let handlers: ApiHandlers

beforeEach(async () => {
  env = await tempLibrary()
  handlers = createHandlers(env.library, { host: 'web' })
})
afterEach(() => env.cleanup())

const payload = (name: string, bytes: Uint8Array, encoding?: string) => ({
  name,
  dataBase64: Buffer.from(bytes).toString('base64'),
  ...(encoding ? { encoding } : {})
})

describe('previewImport', () => {
  const cp1252 = iconv.encode(
    'Café Talks Stall\r\nOwners say “we’re down” — €12 for ½ a lunch.\r\n',
    'windows-1252'
  )

  it('shows the detected encoding, the alternatives and the text, and stores nothing', async () => {
    const preview = await handlers.previewImport(payload('cafes.txt', cp1252))
    expect(preview).toMatchObject({
      status: 'ready',
      format: 'text',
      encoding: 'windows-1252',
      text: 'Café Talks Stall\nOwners say “we’re down” — €12 for ½ a lunch.\n',
      fields: { title: 'Café Talks Stall', tags: [] },
      notices: []
    })
    if (preview.status !== 'ready') return
    expect(preview.confidence).toBeLessThan(1)
    expect(preview.candidates[0]).toEqual({
      encoding: 'windows-1252',
      confidence: preview.confidence
    })
    expect(preview.candidates.length).toBeGreaterThan(1)
    expect(env.library.listArticles()).toEqual([])
  })

  it('re-decodes with the encoding the analyst chose', async () => {
    const preview = await handlers.previewImport(payload('cafes.txt', cp1252, 'windows-1250'))
    expect(preview).toMatchObject({ status: 'ready', encoding: 'windows-1250', confidence: 1 })
    expect(preview.status === 'ready' && preview.text).toContain('Caf\u00e9 Talks')
  })

  it('returns a refusal with encodings to try, instead of throwing', async () => {
    expect(await handlers.previewImport(payload('cafes.txt', cp1252, 'utf-8'))).toMatchObject({
      status: 'refused',
      reason: 'not_decodable',
      candidates: expect.arrayContaining([expect.objectContaining({ encoding: 'windows-1252' })])
    })
    expect(
      await handlers.previewImport(
        payload('logo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      )
    ).toEqual({
      status: 'refused',
      name: 'logo.txt',
      reason: 'binary',
      message: 'logo.txt: this looks like a PNG image, not text.',
      candidates: []
    })
  })

  it('is validated at the boundary like every contract method', async () => {
    const result = await dispatch(handlers, 'previewImport', { name: 'x.txt' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('importText (paste)', () => {
  it('stores pasted text as an article with paste evidence', async () => {
    const text = 'Breaking: Talks Resume\r\nThe union said “yes” — finally.'
    const outcome = await handlers.importText({ text })
    expect(outcome).toMatchObject({ status: 'imported', name: 'Pasted text' })
    if (outcome.status !== 'imported') return
    expect(outcome.article.title).toBe('Breaking: Talks Resume')
    expect(outcome.article.origin).toEqual({
      kind: 'paste',
      byteSha256: sha256(Buffer.from(text, 'utf8')),
      byteLength: Buffer.byteLength(text),
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      importerVersion: '2'
    })
    const library = await env.reopen()
    expect((await library.getArticle(outcome.article.id)).text).toBe(
      'Breaking: Talks Resume\nThe union said “yes” — finally.'
    )
  })

  it('takes a title, reports a second paste as a duplicate, and refuses blank or broken text', async () => {
    const first = await handlers.importText({ text: 'same words here.', title: 'My title' })
    expect(first).toMatchObject({ status: 'imported', article: { title: 'My title' } })
    expect(await handlers.importText({ text: 'same words here.' })).toMatchObject({
      status: 'duplicate'
    })
    expect(await handlers.importText({ text: ' \n\t' })).toMatchObject({
      status: 'refused',
      reason: 'empty'
    })
    expect(await handlers.importText({ text: 'half a pair \uD83D here' })).toMatchObject({
      status: 'refused',
      reason: 'not_decodable'
    })
  })
})
