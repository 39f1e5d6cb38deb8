import { mkdtemp, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from './sampleArticle'
import { EMPTY_DOC, plainToDoc } from '../../../src/shared/richText'

/** The web host serves concurrent requests; the library must behave as if they came one by one. */
describe('concurrent operations on one library', () => {
  let dataDir: string
  let library: Library

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-concurrency-'))
    library = await Library.open(dataDir, 'test')
  })

  afterEach(async () => {
    await library.close().catch(() => undefined)
    await rm(dataDir, { recursive: true, force: true })
  })

  it('imports the same text twice at once as one article and a duplicate', async () => {
    const text = 'Harbour strike\n\nDock workers walked out.'
    const outcomes = await Promise.all([
      library.addArticle(sampleArticle(text)),
      library.addArticle(sampleArticle(text))
    ])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'imported'])
    await library.close()
    library = await Library.open(dataDir, 'test')
    expect(library.notices).toEqual([])
    expect(library.listArticles()).toHaveLength(1)
  })

  it('keeps the text of an article re-imported while the Trash is emptied', async () => {
    const text = 'Port closed\n\nThe port authority closed Terminal 4.'
    const { article } = await library.addArticle(sampleArticle(text))
    await library.deleteArticles([article.id])
    const [, again] = await Promise.all([
      library.emptyTrash(),
      library.addArticle(sampleArticle(text))
    ])
    expect(again.status).toBe('imported')
    expect((await library.getArticle(article.id)).text).toBe(text)
  })

  it('leaves neither of two failed concurrent saves in memory or on disk', async () => {
    const { article } = await library.addArticle(
      sampleArticle('Union figures\n\nRoughly 2,400 workers.')
    )
    const annotation = await library.createAnnotation({
      articleId: article.id,
      start: 0,
      end: 5,
      color: 1
    })
    await rename(join(dataDir, 'annotations'), join(dataDir, 'away'))
    const results = await Promise.allSettled([
      library.updateAnnotation({
        articleId: article.id,
        id: annotation.id,
        note: plainToDoc('first')
      }),
      library.updateAnnotation({
        articleId: article.id,
        id: annotation.id,
        note: plainToDoc('second')
      })
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    await rename(join(dataDir, 'away'), join(dataDir, 'annotations'))
    expect((await library.listAnnotations(article.id))[0]!.note).toEqual(EMPTY_DOC)
    await library.updateAnnotation({ articleId: article.id, id: annotation.id, color: 2 })
    const onDisk = JSON.parse(
      await readFile(join(dataDir, 'annotations', `${article.id}.json`), 'utf8')
    ) as {
      annotations: { note: unknown; color: number }[]
    }
    expect(onDisk.annotations).toMatchObject([{ note: EMPTY_DOC, color: 2 }])
  })

  it('rebuilds the list when the index is missing but texts are stored', async () => {
    await library.addArticle(sampleArticle('Harbour strike\n\nDock workers walked out.'))
    await library.close()
    await rm(join(dataDir, 'library.json'))
    library = await Library.open(dataDir, 'test')
    expect(library.listArticles().map((a) => a.title)).toEqual(['Harbour strike'])
    // The close took a backup: the list comes back from it, with its metadata.
    expect(library.notices.join(' ')).toMatch(
      /library\.json was missing.*restored it from the backup/
    )
  })

  it('waits for saves in flight before it closes', async () => {
    const { article } = await library.addArticle(
      sampleArticle('Talks stall\n\nNo new round of talks.')
    )
    const saves = Array.from({ length: 20 }, (_, i) =>
      library.createAnnotation({
        articleId: article.id,
        start: 0,
        end: 5,
        color: 1,
        note: plainToDoc(`n${i}`)
      })
    )
    const workspaceSave = library.workspace.save({
      panes: [{ id: 'p1', articleId: article.id, scroll: 0.5, width: 1 }],
      scrollSync: false,
      colorNames: ['a', 'b', 'c', 'd', 'e', 'f'],
      currentColor: 1,
      libraryWidth: 480
    })
    await library.close()
    await Promise.all([...saves, workspaceSave])
    const reopened = await Library.open(dataDir, 'test')
    expect(await reopened.listAnnotations(article.id)).toHaveLength(20)
    expect(reopened.listArticles()[0]!.counts.highlights).toBe(20)
    expect((await reopened.workspace.get()).panes).toHaveLength(1)
    await reopened.close()
  })
})

describe('closing', () => {
  it('refuses changes once closing began, writes nothing after, and returns the same promise twice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-closing-'))
    const library = await Library.open(dataDir, 'test')
    const { article } = await library.addArticle(
      sampleArticle('Closing time\n\nThe last ferry left.')
    )
    const queued = library.createAnnotation({ articleId: article.id, start: 0, end: 7, color: 1 })
    const first = library.close()
    expect(library.close()).toBe(first)
    await expect(
      library.createAnnotation({ articleId: article.id, start: 8, end: 11, color: 1 })
    ).rejects.toMatchObject({
      code: 'refused'
    })
    await queued
    await first
    const indexAfterClose = await readFile(join(dataDir, 'library.json'), 'utf8')
    await new Promise((resolve) => setTimeout(resolve, 700)) // longer than the count flush delay
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe(indexAfterClose)
    expect(JSON.parse(indexAfterClose).articles[0].counts.highlights).toBe(1)
    await expect(readFile(join(dataDir, 'dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' })
    await rm(dataDir, { recursive: true, force: true })
  })
})
