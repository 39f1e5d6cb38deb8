import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { plainToDoc } from '../../../src/shared/richText'
import { sampleArticle } from './sampleArticle'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-close-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('closing writes library.json only when something is not on disk yet', () => {
  it('writes a new library’s first index on close', async () => {
    const library = await Library.open(dir, 'test')
    await library.close()
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))).toMatchObject({
      articles: [],
      tombstones: []
    })
  })

  it('leaves the index of a library that was only read as it was', async () => {
    const first = await Library.open(dir, 'test')
    await first.addArticle(sampleArticle('Dock workers walked out on Monday.'))
    await first.close()
    const before = await stat(join(dir, 'library.json'))
    const bytes = await readFile(join(dir, 'library.json'), 'utf8')
    const reader = await Library.open(dir, 'test')
    expect(reader.listArticles()).toHaveLength(1)
    await reader.close()
    const after = await stat(join(dir, 'library.json'))
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(after.ino).toBe(before.ino)
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(bytes)
  })

  it('writes counts changed just before closing, which had not reached the index yet', async () => {
    const library = await Library.open(dir, 'test')
    const { article } = await library.addArticle(
      sampleArticle('Dock workers walked out on Monday.')
    )
    await library.createAnnotation({
      articleId: article.id,
      start: 0,
      end: 4,
      color: 1,
      note: plainToDoc('')
    })
    // The counts wait 500 ms for the index; closing at once must write them.
    await library.close()
    const stored = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      articles: { counts: { highlights: number } }[]
    }
    expect(stored.articles[0]!.counts.highlights).toBe(1)
  })
})
