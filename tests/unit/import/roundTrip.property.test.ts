import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/core/import/decodeText'
import { ImportRefusal } from '../../../src/core/import/ImportRefusal'
import { importSources } from '../../../src/core/import/importSources'
import { normalizeText } from '../../../src/core/import/normalizeText'
import { prepareArticle } from '../../../src/core/import/prepareArticle'
import { tempLibrary } from './tempLibrary'

describe('random bytes: stored exactly or refused with a typed reason (I12)', () => {
  let env: Awaited<ReturnType<typeof tempLibrary>>
  beforeAll(async () => {
    env = await tempLibrary()
  })
  afterAll(() => env.cleanup())

  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 65536 }),
    // Mostly text-like bytes, so the import path (not only refusals) is exercised too.
    fc
      .uint8Array({ minLength: 1, maxLength: 4096 })
      .map((raw) => raw.map((b) => (b < 0x20 ? 0x20 + (b % 0x5f) : b))),
    fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => Buffer.from(s, 'utf16le'))
  )
  const names = fc.constantFrom('random.txt', 'random.md', 'random.html', 'random')

  it('imports, reloads and reads back the same text, or refuses', async () => {
    const seen = { imported: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(bytes, names, async (data, name) => {
        let outcome
        try {
          ;[outcome] = await importSources(env.library, [{ name, bytes: data }])
        } catch (error) {
          throw new Error(`untyped failure: ${String(error)}`, { cause: error })
        }
        if (outcome.status === 'refused') {
          seen.refused++
          expect(() => prepareArticle({ name, bytes: data })).toThrow(ImportRefusal)
          return
        }
        seen.imported++
        const expected = prepareArticle({ name, bytes: data }).article.text
        const id = outcome.status === 'imported' ? outcome.article.id : outcome.articleId
        const library = await env.reopen()
        const article = await library.getArticle(id)
        expect(article.text).toBe(expected)
        expect(article.text).not.toContain('\r')
        if (name === 'random.txt') {
          // Plain text is the decode itself, line endings aside: nothing lost or invented.
          expect(article.text).toBe(normalizeText(decodeText(name, data).text))
        }
      }),
      { numRuns: 150 }
    )
    expect(seen.imported).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
  })
})
