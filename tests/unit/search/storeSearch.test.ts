import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import { SEARCH_INDEX_FILE } from '../../../src/core/search/searchIndexFile'
import type { Library } from '../../../src/core/store/Library'
import { plainToDoc } from '../../../src/shared/richText'
import type { SearchAnswer, SearchRequest } from '../../../src/shared/search'
import { claimLibrary, span, wireText } from '../claims/claimLibrary'
import { sampleArticle } from '../store/sampleArticle'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

/** Searches once every change told so far is indexed, as the API does. */
async function find(library: Library, query: string, options: Omit<SearchRequest, 'query'> = {}) {
  library.search.start()
  await library.search.settled()
  return library.search.search(query, options)
}

const ids = (answer: SearchAnswer): string[] =>
  answer.groups.flatMap((group) => group.hits.map((hit) => `${hit.kind}:${hit.id}`))

describe('the library’s search index', () => {
  it('finds article text, highlights, claims, notes, notebooks and sources from the real store', async () => {
    const { library, wire, opinion } = env
    library.search.start()
    const source = await library.createSource({ name: 'Ilse Marrow', kind: 'person' })
    const highlight = await library.createAnnotation({
      articleId: opinion.id,
      ...span(
        'The strike is not about cranes\n\nPayroll records show only about 900 workers stopped.',
        'Payroll records'
      ),
      color: 2,
      note: plainToDoc('Check the payroll against the union tally')
    })
    const claim = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers walked out'),
      statement: 'Most dockers joined the walkout',
      sourceId: source.id,
      status: 'disputed',
      tags: ['turnout']
    })
    await library.saveArticleNote(wire.id, plainToDoc('Turnout figures conflict with payroll'))
    const notebook = await library.createNotebook('Velmora assessment')
    await library.saveNotebook(notebook.id, plainToDoc('The cranes stood idle for a week.'))

    const phrase = await find(library, '"2,400 workers"')
    expect(phrase.groups.map((g) => g.articleId).sort()).toEqual([wire.id, env.third.id].sort())
    const hit = phrase.groups[0]!.hits[0]!
    expect(hit.snippet.slice(hit.marks[0]!.start, hit.marks[0]!.end)).toMatch(/2,400/)

    expect(ids(await find(library, 'tally'))).toEqual([`highlight:${highlight.id}`])
    expect(ids(await find(library, 'dockers walkout'))).toEqual([`claim:${claim.id}`])
    expect(ids(await find(library, 'marrow', { kinds: ['claim'] }))).toEqual([`claim:${claim.id}`])
    expect(ids(await find(library, 'marrow', { kinds: ['source'] }))).toEqual([
      `source:${source.id}`
    ])
    const note = await find(library, 'conflict payroll', { kinds: ['note'] })
    expect(note.groups[0]!.articleId).toBe(wire.id)
    expect(ids(await find(library, 'idle', { kinds: ['notebook'] }))).toEqual([
      `notebook:${notebook.id}`
    ])
    expect(ids(await find(library, 'walkout', { statuses: ['disputed'] }))).toEqual([
      `claim:${claim.id}`
    ])
    expect(ids(await find(library, 'walkout', { statuses: ['supported'] }))).toEqual([])
  })

  it('follows edits, the Trash, restores and deletions without stale hits', async () => {
    const { library, wire, opinion } = env
    const claim = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers walked out'),
      statement: 'A walkout of dockers'
    })
    expect(ids(await find(library, 'dockers'))).toEqual([`claim:${claim.id}`])
    await library.updateClaim({ articleId: wire.id, id: claim.id, statement: 'A stoppage' })
    expect(ids(await find(library, 'dockers'))).toEqual([])
    expect(ids(await find(library, 'stoppage'))).toEqual([`claim:${claim.id}`])
    await library.deleteClaim(wire.id, claim.id)
    expect(ids(await find(library, 'stoppage'))).toEqual([])

    await library.updateArticle(opinion.id, { title: 'Payroll shows a smaller strike' })
    expect((await find(library, 'smaller')).groups.map((g) => g.title)).toEqual([
      'Payroll shows a smaller strike'
    ])
    await library.deleteArticles([opinion.id])
    expect((await find(library, 'payroll')).groups).toEqual([])
    await library.restoreArticles([opinion.id])
    expect((await find(library, 'payroll')).groups.map((g) => g.articleId)).toEqual([opinion.id])

    const source = await library.createSource({ name: 'Dock union', kind: 'organisation' })
    await library.updateSource({ id: source.id, name: 'Harbour union' })
    expect(ids(await find(library, 'dock', { kinds: ['source'] }))).toEqual([])
    expect(ids(await find(library, 'harbour union'))).toEqual([`source:${source.id}`])
    await library.deleteSource(source.id)
    expect(ids(await find(library, 'harbour union'))).toEqual([])

    const [added] = await library.addArticles([
      sampleArticle('Crane operators\n\nThe crane operators of Velmora joined on Friday.', 'Cranes')
    ])
    expect((await find(library, 'velmora')).groups.map((g) => g.articleId)).toEqual([
      added!.article.id
    ])
  })

  it('follows a source renamed, merged or deleted: its claims’ claimant and the articles it is the outlet of', async () => {
    const { library, wire, opinion } = env
    const union = await library.createSource({ name: 'Dock union', kind: 'organisation' })
    const claim = await library.createClaim({
      articleId: wire.id,
      ...span(wireText, 'roughly 2,400 workers walked out'),
      sourceId: union.id
    })
    await library.updateArticle(opinion.id, { source: 'Velmora Gazette' })
    const fromOutlet = async (sourceId: string) =>
      (await find(library, 'strike', { kinds: ['article'], sourceId })).groups.map(
        (g) => g.articleId
      )
    expect(await fromOutlet(union.id)).toEqual([])

    await library.updateSource({ id: union.id, name: 'Harbour union' })
    expect(ids(await find(library, 'dock', { kinds: ['claim'] }))).toEqual([])
    expect(ids(await find(library, 'harbour', { kinds: ['claim'] }))).toEqual([`claim:${claim.id}`])

    // The outlet links by name or alias: an alias added links it, the name changed unlinks it.
    const gazette = await library.createSource({ name: 'The Gazette', kind: 'outlet' })
    await library.updateSource({ id: gazette.id, aliases: ['Velmora Gazette'] })
    expect(await fromOutlet(gazette.id)).toEqual([opinion.id])
    await library.updateSource({ id: gazette.id, aliases: [] })
    expect(await fromOutlet(gazette.id)).toEqual([])
    const named = await library.createSource({ name: 'Velmora gazette', kind: 'outlet' })
    expect(await fromOutlet(named.id)).toEqual([opinion.id])
    await library.mergeSources(gazette.id, named.id)
    expect(await fromOutlet(named.id)).toEqual([])
    expect(await fromOutlet(gazette.id), 'the survivor takes its names').toEqual([opinion.id])
    await library.unmergeSource(named.id)
    expect(await fromOutlet(named.id)).toEqual([opinion.id])
    await library.deleteSource(named.id)
    expect(await fromOutlet(named.id)).toEqual([])
  })

  it('is persisted at close and loaded as it is, then catches up with changes made while it was closed', async () => {
    await find(env.library, 'strike')
    let library = await env.reopen()
    const file = join(env.dataDir, SEARCH_INDEX_FILE)
    const written = (await stat(file)).mtimeMs
    library.search.start()
    await library.search.settled()
    expect(library.search.progress).toMatchObject({ state: 'ready' })
    // A library opened without the index (the command line's `list`) changes an article.
    await library.close()
    library = await env.reopen()
    await library.updateArticle(env.third.id, { title: 'Forwarders tally the losses' })
    library = await env.reopen()
    expect(await find(library, 'losses')).toMatchObject({
      groups: [{ articleId: env.third.id, title: 'Forwarders tally the losses' }],
      partial: false
    })
    expect((await stat(file)).mtimeMs).toBeGreaterThanOrEqual(written)
  })

  it('is rebuilt, with a notice, when its file is damaged, of another version, or deleted', async () => {
    await find(env.library, 'strike')
    const file = join(env.dataDir, SEARCH_INDEX_FILE)
    const notices: string[] = []
    for (const damage of [
      () => writeFile(file, '{"kind":"dossier-search-index","format":1,"since":0}\n[oops'),
      async () => {
        const lines = (await readFile(file, 'utf8')).split('\n')
        lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), format: 999 })
        await writeFile(file, lines.join('\n'))
      },
      () => rm(file)
    ]) {
      await env.library.close()
      await damage()
      const library = await env.reopen()
      const answer = await find(library, '"2,400 workers"')
      expect(answer.groups).toHaveLength(2)
      expect(answer.partial).toBe(false)
      notices.push(...library.notices)
      await library.close()
      await expect(stat(file)).resolves.toBeTruthy()
    }
    expect(notices).toEqual([
      expect.stringMatching(/^The search index was damaged .*; it is rebuilt from the library\.$/),
      expect.stringMatching(/^The search index was outdated .*format 999, not 1\)/)
    ])
    await env.reopen()
  })

  it('answers the API’s search through dispatch, refusing bad filters by name', async () => {
    const handlers = createHandlers(env.library, { host: 'web' })
    env.library.search.start()
    await env.library.search.settled()
    const found = await dispatch(handlers, 'search', { query: 'sources close', limit: 5 })
    expect(found).toMatchObject({
      ok: true,
      value: { groups: [{ articleId: env.opinion.id }], progress: { state: 'ready' } }
    })
    const refused = await dispatch(handlers, 'search', { query: 'x', kinds: ['tweet'] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(refused.ok || refused.error.message).toMatch(/kinds/)
  })
})
