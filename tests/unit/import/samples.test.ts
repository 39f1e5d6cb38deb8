import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { tempLibrary } from './tempLibrary'

const ARTICLES = resolve(import.meta.dirname, '../../fixtures/articles')

describe('the fixture articles', () => {
  let env: Awaited<ReturnType<typeof tempLibrary>>
  beforeAll(async () => {
    env = await tempLibrary()
  })
  afterAll(() => env.cleanup())

  it('decode right: UTF-8, UTF-16LE with BOM and CRLF, Windows-1252', async () => {
    const outcomes = await importPathSources(env.library, [
      `${ARTICLES}/harbor-strike-wire.txt`,
      `${ARTICLES}/harbor-strike-wire.utf16.txt`,
      `${ARTICLES}/velmora-cafes.cp1252.txt`
    ])
    const [utf8, utf16, cp1252] = outcomes
    expect(utf8).toMatchObject({ status: 'imported', article: { origin: { encoding: 'utf-8' } } })
    // The UTF-16 copy is the same article: same text once decoded and normalised.
    expect(utf16).toMatchObject({ status: 'duplicate' })
    expect(utf16?.status === 'duplicate' && utf16.articleId).toBe(
      utf8?.status === 'imported' && utf8.article.id
    )
    expect(cp1252).toMatchObject({
      status: 'imported',
      article: { origin: { encoding: 'windows-1252', fileName: 'velmora-cafes.cp1252.txt' } }
    })

    const library = await env.reopen()
    const wire = await library.getArticle(utf8?.status === 'imported' ? utf8.article.id : '')
    expect(wire.title).toBe('Port of Velmora Strike Enters Third Day as Talks Stall')
    expect(wire.text).toContain('VELMORA — Dock workers')
    expect(wire.text).not.toContain('\r')
    const cafes = await library.getArticle(cp1252?.status === 'imported' ? cp1252.article.id : '')
    expect(cafes.text).toContain('Café owners in Velmora’s old town')
    expect(cafes.text).toContain('tourist traffic — “we’re down by a third,” one said.')
    expect(cafes.text).toContain('3½ euros for a coffee, 12 € for lunch.')
    expect(cafes.text).not.toMatch(/[\r\uFFFD\u0080-\u009f]/)
  })

  it('the UTF-16 copy decodes to exactly the UTF-8 wire', async () => {
    const { readFile } = await import('node:fs/promises')
    const { decodeText } = await import('../../../src/core/import/decodeText')
    const { normalizeText } = await import('../../../src/core/import/normalizeText')
    const utf16 = decodeText('w16', await readFile(`${ARTICLES}/harbor-strike-wire.utf16.txt`))
    expect(utf16.encoding).toBe('utf-16le')
    expect(normalizeText(utf16.text)).toBe(
      await readFile(`${ARTICLES}/harbor-strike-wire.txt`, 'utf8')
    )
  })
})
