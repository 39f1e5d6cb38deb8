import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from './sampleArticle'
import type { RichDoc } from '../../../src/shared/richText'
import { docToPlain, plainToDoc } from '../../../src/shared/richText'

/** S11: a save that fails is reported, changes nothing, and leaves no temp file behind. */
describe('a save that fails', () => {
  let dataDir: string
  let library: Library
  let articleId: string

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-failed-save-'))
    library = await Library.open(dataDir, 'test')
    const added = await library.addArticle(
      sampleArticle('Harbour strike\n\nRoughly 2,400 workers joined the stoppage.')
    )
    articleId = added.article.id
    await library.createAnnotation({ articleId, start: 16, end: 29, color: 1 })
  })

  afterEach(async () => {
    await library.close().catch(() => undefined)
    await rm(dataDir, { recursive: true, force: true })
  })

  it('rejects with io, keeps memory as it was, and the next save does not write the failed change', async () => {
    // The annotations folder vanishes (a sync client, a user): the durable write cannot create its temp file.
    const moved = join(dataDir, 'annotations-away')
    await rename(join(dataDir, 'annotations'), moved)
    await expect(
      library.createAnnotation({ articleId, start: 30, end: 37, color: 2 })
    ).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('annotations')
    })
    await expect(
      library.deleteAnnotation(articleId, (await library.listAnnotations(articleId))[0]!.id)
    ).rejects.toMatchObject({
      code: 'io'
    })
    expect((await library.listAnnotations(articleId)).map((a) => a.quote.exact)).toEqual([
      'Roughly 2,400'
    ])

    await rename(moved, join(dataDir, 'annotations'))
    await library.updateAnnotation({
      articleId,
      id: (await library.listAnnotations(articleId))[0]!.id,
      note: plainToDoc('union figure')
    })
    const onDisk = JSON.parse(
      await readFile(join(dataDir, 'annotations', `${articleId}.json`), 'utf8')
    ) as {
      annotations: { quote: { exact: string }; note: RichDoc }[]
    }
    expect(onDisk.annotations.map((a) => [a.quote.exact, docToPlain(a.note)])).toEqual([
      ['Roughly 2,400', 'union figure']
    ])
    expect(
      (await readdir(join(dataDir, 'annotations'))).filter((name) => name.endsWith('.tmp'))
    ).toEqual([])
  })

  it('rolls back index changes: metadata, Trash and a whole import batch', async () => {
    // A folder where library.json should be makes the rename over it fail.
    await rename(join(dataDir, 'library.json'), join(dataDir, 'library.json.saved'))
    await mkdir(join(dataDir, 'library.json', 'blocker'), { recursive: true })

    await expect(library.updateArticle(articleId, { title: 'Renamed' })).rejects.toMatchObject({
      code: 'io'
    })
    await expect(library.deleteArticles([articleId])).rejects.toMatchObject({ code: 'io' })
    await expect(
      library.addArticles([
        sampleArticle('Second text', 'Second'),
        sampleArticle('Third text', 'Third')
      ])
    ).rejects.toMatchObject({ code: 'io' })

    expect(library.listArticles().map((a) => a.title)).toEqual(['Harbour strike'])
    expect(library.listArticles({ trash: true })).toEqual([])

    await rm(join(dataDir, 'library.json'), { recursive: true })
    await rename(join(dataDir, 'library.json.saved'), join(dataDir, 'library.json'))
    const retried = await library.addArticles([sampleArticle('Second text', 'Second')])
    expect(retried.map((outcome) => outcome.status)).toEqual(['imported'])
    await library.close()
    const reopened = await Library.open(dataDir, 'test')
    expect(
      reopened
        .listArticles()
        .map((a) => a.title)
        .sort()
    ).toEqual(['Harbour strike', 'Second'])
    await reopened.close()
  })
})
