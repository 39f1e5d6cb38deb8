import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/core/dispatch'
import { createHandlers } from '../../../src/core/createHandlers'
import { AnnotationFile } from '../../../src/core/store/files'
import { gradeCode } from '../../../src/shared/claim'
import { claimLibrary, opinionText, span, wireText } from './claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

async function storedFile(articleId: string): Promise<AnnotationFile> {
  const raw = await readFile(join(env.dataDir, 'annotations', `${articleId}.json`), 'utf8')
  return AnnotationFile.parse(JSON.parse(raw))
}

describe('a claim', () => {
  it('is stored with its passage, claimant, attribution, status and credibility', async () => {
    const { library, wire } = env
    const union = await library.createSource({
      name: 'Velmora Dockers’ Union',
      kind: 'organisation'
    })
    const claim = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers walked out'),
      attributionSpan: span(wireText, 'said Ilse Marrow'),
      statement: 'About 2,400 workers are on strike',
      sourceId: union.id,
      attribution: 'named',
      credibility: 3,
      tags: ['figures']
    })
    const [stored] = (await storedFile(wire.id)).claims
    expect(stored).toMatchObject({
      id: claim.id,
      quote: { exact: 'roughly 2,400 workers walked out' },
      attributionSpan: { quote: { exact: 'said Ilse Marrow' } },
      statement: 'About 2,400 workers are on strike',
      sourceId: union.id,
      attribution: 'named',
      status: 'unreviewed',
      credibility: 3,
      tags: ['figures']
    })
    expect(stored!.createdAt).toBe(stored!.updatedAt)
    expect(stored!.history.map((h) => h.field)).toEqual(['created'])
    const reopened = await env.reopen()
    expect(await reopened.listClaims(wire.id)).toEqual([stored])
    expect(reopened.findArticle(wire.id).counts).toEqual({ highlights: 0, claims: 1 })
  })

  it('grades: reliability belongs to the source, credibility to the claim', async () => {
    const { library, wire } = env
    const union = await library.createSource({ name: 'Dockers’ Union', kind: 'organisation' })
    await library.gradeSource({
      id: union.id,
      reliability: 'B',
      reason: 'reliable on turnout before'
    })
    const claim = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers'),
      sourceId: union.id,
      credibility: 3
    })
    const [row] = await library.claimBoardRows()
    expect(gradeCode(row!.reliability, row!.credibility)).toBe('B3')
    await library.gradeSource({ id: union.id, reliability: 'C', reason: 'overstated in 2024' })
    const [after] = await library.claimBoardRows()
    expect(gradeCode(after!.reliability, after!.credibility)).toBe('C3')
    const [source] = await library.listSources()
    expect(source!.gradeHistory.map((g) => [g.from, g.to, g.reason])).toEqual([
      [undefined, 'B', 'reliable on turnout before'],
      ['B', 'C', 'overstated in 2024']
    ])
    expect(source!.byStatus.unreviewed).toBe(1)
    expect(claim.credibility).toBe(3)
  })

  it('keeps an audit trail of status, claimant, statement and links across restarts', async () => {
    const { library, wire, opinion } = env
    const union = await library.createSource({ name: 'Union', kind: 'organisation' })
    const a = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers')
    })
    const b = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'about 900 workers')
    })
    await library.updateClaim({
      articleId: wire.id,
      id: a.id,
      status: 'disputed',
      sourceId: union.id
    })
    await library.updateClaim({ articleId: wire.id, id: a.id, statement: 'Turnout was 2,400' })
    const link = await library.createLink({
      fromClaimId: b.id,
      toClaimId: a.id,
      relation: 'contradicts'
    })
    await library.deleteLink(link.id)
    const reopened = await env.reopen()
    const history = await reopened.getClaimHistory(a.id)
    expect(history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['created', undefined, undefined],
      ['source', undefined, 'Union'],
      ['status', 'unreviewed', 'disputed'],
      ['statement', undefined, 'Turnout was 2,400'],
      ['link', undefined, '“about 900 workers” contradicts this'],
      ['unlink', '“about 900 workers” contradicts this', undefined]
    ])
  })

  it('refuses bad input with an error naming the field, and stores nothing', async () => {
    const handlers = createHandlers(env.library, { host: 'web' })
    const { wire } = env
    const before = await readFile(join(env.dataDir, 'library.json'), 'utf8')
    const cases: [string, unknown, RegExp][] = [
      ['createClaim', { articleId: wire.id, start: 0, end: 4, credibility: 7 }, /credibility/],
      ['createClaim', { articleId: wire.id, start: 0, end: 4, status: 'true' }, /status/],
      ['createClaim', { articleId: wire.id, start: 0, end: 4, sourceId: 'nobody' }, /sourceId/],
      ['createClaim', { articleId: wire.id, start: 0, end: 99_999 }, /end/],
      ['gradeSource', { id: 'x', reliability: 'G', reason: 'r' }, /reliability/],
      ['createLink', { fromClaimId: 'a', toClaimId: 'b', relation: 'refutes' }, /relation/],
      ['createLink', { fromClaimId: 'a', toClaimId: 'b', relation: 'supports' }, /fromClaimId/]
    ]
    for (const [method, input, field] of cases) {
      const result = await dispatch(handlers, method as 'createClaim', input)
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(field)
    }
    // Nothing was stored: no claim, no source, no annotation file.
    expect(await env.library.listClaims(wire.id)).toEqual([])
    expect(await env.library.listSources()).toEqual([])
    await expect(readFile(join(env.dataDir, 'annotations', `${wire.id}.json`))).rejects.toThrow()
    expect(await readFile(join(env.dataDir, 'library.json'), 'utf8')).toBe(before)
    const claim = await env.library.createClaim({ articleId: wire.id, start: 0, end: 4 })
    const self = await dispatch(handlers, 'createLink', {
      fromClaimId: claim.id,
      toClaimId: claim.id,
      relation: 'supports'
    })
    expect(self).toMatchObject({ ok: false, error: { message: /toClaimId.*itself/ } })
    expect((await storedFile(wire.id)).links).toEqual([])
  })
})

describe('deleting', () => {
  it('a claim removes its links, leaving tombstones; undelete brings both back', async () => {
    const { library, wire, opinion } = env
    const a = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers')
    })
    const b = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'about 900 workers')
    })
    const link = await library.createLink({
      fromClaimId: b.id,
      toClaimId: a.id,
      relation: 'contradicts'
    })
    expect(await library.deleteClaim(wire.id, a.id)).toEqual({ links: 1 })
    expect(await library.listClaims(wire.id)).toEqual([])
    expect(await library.listLinks(opinion.id)).toEqual([])
    const tombstone = (await storedFile(wire.id)).claims[0]!
    expect(tombstone.id).toBe(a.id)
    expect(tombstone.deletedAt).toBeDefined()
    expect((await storedFile(opinion.id)).links[0]).toMatchObject({
      id: link.id,
      deletedWithClaim: a.id
    })
    await library.undeleteClaim(wire.id, a.id)
    const links = await library.listLinks(opinion.id)
    expect(links.map((l) => [l.link.id, l.other.id])).toEqual([[link.id, a.id]])
    expect((await storedFile(opinion.id)).links[0]!.deletedAt).toBeUndefined()
  })

  it('moving an article to the Trash hides its claims and links; restoring brings them back', async () => {
    const { library, wire, opinion } = env
    const a = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers')
    })
    const b = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'about 900 workers')
    })
    await library.createLink({ fromClaimId: b.id, toClaimId: a.id, relation: 'contradicts' })
    await library.deleteArticles([wire.id])
    expect((await library.claimBoardRows()).map((r) => r.id)).toEqual([b.id])
    expect(await library.listLinks(opinion.id)).toEqual([])
    expect((await library.getCorroboration(b.id)).contradicting).toEqual([])
    await expect(
      library.createLink({ fromClaimId: b.id, toClaimId: a.id, relation: 'supports' })
    ).rejects.toThrow(/toClaimId/)
    await library.restoreArticles([wire.id])
    expect((await library.claimBoardRows()).map((r) => r.id).sort()).toEqual([a.id, b.id].sort())
    expect((await library.getCorroboration(b.id)).contradicting.map((l) => l.other.id)).toEqual([
      a.id
    ])
  })

  it('emptying the Trash deletes its claims and tombstones the links that ended there', async () => {
    const { library, wire, opinion } = env
    const a = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers')
    })
    const b = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'about 900 workers')
    })
    const link = await library.createLink({
      fromClaimId: b.id,
      toClaimId: a.id,
      relation: 'contradicts'
    })
    await library.deleteArticles([wire.id])
    await library.emptyTrash()
    expect((await storedFile(opinion.id)).links).toMatchObject([
      { id: link.id, deletedAt: expect.any(String) }
    ])
    const reopened = await env.reopen()
    expect((await reopened.claimBoardRows()).map((r) => r.id)).toEqual([b.id])
    const index = JSON.parse(await readFile(join(env.dataDir, 'library.json'), 'utf8'))
    expect(index.tombstones).toMatchObject([{ id: wire.id, kind: 'article' }])
  })

  it('deletes for good only the trashed articles asked for, through the API as the Trash view does', async () => {
    const { library, wire, opinion } = env
    const handlers = createHandlers(library, { host: 'web' })
    await library.deleteArticles([wire.id, opinion.id])
    // An article outside the Trash is never deleted, even when named.
    const live = library.listArticles().map((a) => a.id)
    const result = await dispatch(handlers, 'emptyTrash', { ids: [wire.id, ...live] })
    expect(result).toEqual({ ok: true, value: { deleted: 1 } })
    expect(library.listArticles({ trash: true }).map((a) => a.id)).toEqual([opinion.id])
    expect(library.listArticles().map((a) => a.id)).toEqual(live)
    const index = JSON.parse(await readFile(join(env.dataDir, 'library.json'), 'utf8'))
    expect(index.tombstones).toMatchObject([{ id: wire.id, kind: 'article' }])
  })
})

describe('sources', () => {
  it('merging keeps every claim pointed at the survivor, and unmerging undoes it', async () => {
    const { library, wire, opinion } = env
    const union = await library.createSource({
      name: 'Velmora Dockers’ Union',
      kind: 'organisation'
    })
    const short = await library.createSource({ name: 'the union', kind: 'organisation' })
    const a = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers'),
      sourceId: short.id
    })
    const b = await library.createClaim({
      articleId: opinion.id,
      ...span(opinionText, 'about 900 workers'),
      sourceId: union.id
    })
    await library.mergeSources(union.id, short.id)
    expect((await library.listClaims(wire.id))[0]!.sourceId).toBe(union.id)
    const [record] = await library.listSources()
    expect(record).toMatchObject({ id: union.id, aliases: ['the union'], claims: 2 })
    expect(library.findSource('THE UNION')?.id).toBe(union.id)
    await library.unmergeSource(short.id)
    expect((await library.listClaims(wire.id))[0]!.sourceId).toBe(short.id)
    expect((await library.listClaims(opinion.id))[0]!.sourceId).toBe(union.id)
    expect(new Set((await library.listSources()).map((s) => s.name))).toEqual(
      new Set(['the union', 'Velmora Dockers’ Union'])
    )
    expect(a.id).not.toBe(b.id)
  })

  it('a source named by a claim cannot be deleted; an unused one leaves a tombstone', async () => {
    const { library, wire } = env
    const used = await library.createSource({ name: 'Port Authority', kind: 'organisation' })
    const unused = await library.createSource({ name: 'Typo', kind: 'person' })
    await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'fewer than 1,100'),
      sourceId: used.id
    })
    await expect(library.deleteSource(used.id)).rejects.toThrow(/1 claim/)
    await library.deleteSource(unused.id)
    expect((await library.listSources()).map((s) => s.name)).toEqual(['Port Authority'])
    const stored = JSON.parse(await readFile(join(env.dataDir, 'sources.json'), 'utf8'))
    expect(stored.sources.find((s: { id: string }) => s.id === unused.id).deletedAt).toBeDefined()
    await expect(library.createSource({ name: 'port authority', kind: 'outlet' })).rejects.toThrow(
      /already/
    )
  })
})
