import { cp, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { claimLibrary, span } from '../claims/claimLibrary'
import { sampleArticle } from '../store/sampleArticle'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(async () => {
  await env.cleanup()
})

const lateText =
  'Dock talks resume on Friday\n\nThe mediator said both sides would meet again. ' +
  'The union called the offer a start.'

describe('restoring a backup by hand (README)', () => {
  it('an article imported after the backup comes back with its highlights, claims and counts when imported again', async () => {
    // The backup to go back to: taken when the first session closed.
    await env.library.close()
    const [backup] = await readdir(join(env.dataDir, 'backups'))
    expect(backup).toBeDefined()

    // A later session imports an article and annotates it.
    let library = await Library.open(env.dataDir, 'test')
    const { article: late } = await library.addArticle(sampleArticle(lateText, 'Dock talks'))
    await library.createAnnotation({
      articleId: late.id,
      ...span(lateText, 'mediator'),
      color: 1
    })
    await library.createAnnotation({ articleId: late.id, ...span(lateText, 'a start'), color: 2 })
    const claim = await library.createClaim({
      articleId: late.id,
      ...span(lateText, 'both sides would meet again')
    })
    await library.close()

    // The README's steps: the backup's files over the library's, without backup.json, and
    // claims-index.json deleted.
    const folder = join(env.dataDir, 'backups', backup!)
    await cp(folder, env.dataDir, { recursive: true, force: true })
    await rm(join(env.dataDir, 'backup.json'))
    await rm(join(env.dataDir, 'claims-index.json'), { force: true })

    library = await Library.open(env.dataDir, 'test')
    expect(library.listArticles().map((a) => a.id)).not.toContain(late.id)
    // The board was open: the claims index is rebuilt already, without the late article.
    expect((await library.claimBoardRows()).map((row) => row.id)).not.toContain(claim.id)
    const [again] = await library.addArticles([sampleArticle(lateText, 'Dock talks')])
    expect(again).toMatchObject({
      status: 'imported',
      article: { id: late.id, counts: { highlights: 2, claims: 1 } }
    })
    expect(await library.listAnnotations(late.id)).toHaveLength(2)
    expect((await library.listClaims(late.id)).map((c) => c.id)).toEqual([claim.id])
    expect((await library.claimBoardRows()).map((row) => row.id)).toContain(claim.id)
    await library.close()

    // On disk: the index holds the counts and the claims index the claim.
    const index = JSON.parse(await readFile(join(env.dataDir, 'library.json'), 'utf8'))
    expect(index.articles.find((a: { id: string }) => a.id === late.id).counts).toEqual({
      highlights: 2,
      claims: 1
    })
    const claims = JSON.parse(await readFile(join(env.dataDir, 'claims-index.json'), 'utf8'))
    expect(claims.claims.map((c: { id: string }) => c.id)).toContain(claim.id)
  })
})
