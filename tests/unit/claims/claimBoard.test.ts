import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { claimBoardRows } from '../../../src/shared/claimBoardRows'
import { claimLibrary, opinionText, span, wireText } from './claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

describe('the claims board answer', () => {
  it('sends each article, source and tag once, and makes the same rows', async () => {
    const { library, wire, opinion } = env
    const union = await library.createSource({ name: 'Dockers’ Union', kind: 'organisation' })
    await library.gradeSource({ id: union.id, reliability: 'B', reason: 'reliable before' })
    const walked = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers walked out'),
      sourceId: union.id,
      credibility: 3,
      tags: ['figures', 'strike']
    })
    const stayed = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'fewer than 1,100 stayed away'),
      sourceId: union.id,
      tags: ['figures']
    })
    const payroll = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'only about 900 workers stopped')
    })
    await library.createLink({
      fromClaimId: payroll.id,
      toClaimId: walked.id,
      relation: 'contradicts'
    })

    const board = await createHandlers(library, { host: 'web' }).listClaimBoard({})
    expect(board.articles.map((a) => a.title).sort()).toEqual([opinion.title, wire.title].sort())
    expect(board.sources).toEqual([{ id: union.id, name: 'Dockers’ Union', reliability: 'B' }])
    expect([...board.tags].sort()).toEqual(['figures', 'strike'])

    const rows = claimBoardRows(board)
    expect(rows).toEqual(await library.claimBoardRows())
    const byId = new Map(rows.map((row) => [row.id, row]))
    expect(byId.get(walked.id)).toMatchObject({
      articleId: wire.id,
      articleTitle: wire.title,
      exact: 'roughly 2,400 workers walked out',
      sourceId: union.id,
      sourceName: 'Dockers’ Union',
      reliability: 'B',
      credibility: 3,
      tags: ['figures', 'strike'],
      links: 1
    })
    expect(byId.get(stayed.id)).not.toHaveProperty('credibility')
    expect(byId.get(payroll.id)).toMatchObject({ articleTitle: opinion.title, links: 1 })
    expect(byId.get(payroll.id)).not.toHaveProperty('sourceId')
    expect(byId.get(payroll.id)).not.toHaveProperty('sourceName')
  })
})
