import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import type { ApiHandlers } from '../../../src/shared/api'
import type { Library } from '../../../src/core/store/Library'
import { tempLibrary } from '../import/tempLibrary'
import { sampleArticle } from './sampleArticle'

let temp: Awaited<ReturnType<typeof tempLibrary>>
let library: Library
let api: ApiHandlers
/** Ids by title, in the order they were imported. */
let ids: Record<string, string>

/** Imported one at a time, a few milliseconds apart: the import order is known. */
const ARTICLES = [
  { title: 'Harbour strike', source: 'Coast Herald', tags: ['labour', 'port'] },
  { title: 'election results delayed', source: 'Daily Count', tags: ['politics'] },
  { title: 'Bridge closed', tags: ['port'] },
  { title: 'Árbol caído en la plaza', source: 'El Diario', author: 'Ana Ruiz', tags: [] },
  { title: 'Zoning vote', source: 'coast herald', publishedAt: '2026-03-01', tags: [] }
]

beforeEach(async () => {
  temp = await tempLibrary()
  library = temp.library
  api = createHandlers(library, { host: 'web' })
  ids = {}
  for (const [index, fields] of ARTICLES.entries()) {
    const article = sampleArticle(`${fields.title}\n\nBody number ${index}.`, fields.title)
    const [outcome] = await library.addArticles([
      { ...article, fields: { ...article.fields, ...fields } }
    ])
    ids[fields.title] = outcome!.article.id
    await new Promise((resolve) => setTimeout(resolve, 3))
  }
})
afterEach(() => temp.cleanup())

const titles = (rows: { title: string }[]): string[] => rows.map((row) => row.title)

describe('listArticleWindow', () => {
  it('gives a window of the newest imports first, with the counts and tags of the view', async () => {
    const page = await api.listArticleWindow({ offset: 1, limit: 2 })
    expect(titles(page.rows)).toEqual(['Árbol caído en la plaza', 'Bridge closed'])
    expect(page).toMatchObject({ offset: 1, matching: 5, total: 5 })
    expect(page.counts).toEqual({ library: 5, trash: 0 })
    expect(page.tags).toEqual(['labour', 'politics', 'port'])
    // Only what the table shows: no provenance, text length or conflicts.
    expect(Object.keys(page.rows[0]!).sort()).toEqual(
      ['author', 'counts', 'id', 'importedAt', 'source', 'tags', 'title'].sort()
    )
  })

  it('sorts by any column, empty values last, either way', async () => {
    const byTitle = await api.listArticleWindow({ sort: 'title', offset: 0, limit: 10 })
    expect(titles(byTitle.rows)).toEqual([
      'Árbol caído en la plaza',
      'Bridge closed',
      'election results delayed',
      'Harbour strike',
      'Zoning vote'
    ])
    const bySource = await api.listArticleWindow({
      sort: 'source',
      descending: true,
      offset: 0,
      limit: 10
    })
    // "coast herald" and "Coast Herald" tie (case does not matter) and go by title.
    expect(titles(bySource.rows)).toEqual([
      'Árbol caído en la plaza',
      'election results delayed',
      'Harbour strike',
      'Zoning vote',
      'Bridge closed'
    ])
  })

  it('filters by words in the title, source, author, date or a tag, and by one tag', async () => {
    const coast = await api.listArticleWindow({ filter: '  COAST ', offset: 0, limit: 10 })
    expect(titles(coast.rows).sort()).toEqual(['Harbour strike', 'Zoning vote'])
    expect(coast).toMatchObject({ matching: 2, total: 5 })
    const author = await api.listArticleWindow({ filter: 'ruiz', offset: 0, limit: 10 })
    expect(titles(author.rows)).toEqual(['Árbol caído en la plaza'])
    const date = await api.listArticleWindow({ filter: '2026-03', offset: 0, limit: 10 })
    expect(titles(date.rows)).toEqual(['Zoning vote'])
    const port = await api.listArticleWindow({ tag: 'port', sort: 'title', offset: 0, limit: 10 })
    expect(titles(port.rows)).toEqual(['Bridge closed', 'Harbour strike'])
    const both = await api.listArticleWindow({ tag: 'port', filter: 'coast', offset: 0, limit: 9 })
    expect(titles(both.rows)).toEqual(['Harbour strike'])
    const none = await api.listArticleWindow({ filter: 'nothing like it', offset: 0, limit: 9 })
    expect(none).toMatchObject({ rows: [], matching: 0, total: 5 })
  })

  it('lists the Trash apart, with both counts', async () => {
    await api.deleteArticles({ ids: [ids['Bridge closed']!, ids['Zoning vote']!] })
    const trash = await api.listArticleWindow({ trash: true, sort: 'title', offset: 0, limit: 9 })
    expect(titles(trash.rows)).toEqual(['Bridge closed', 'Zoning vote'])
    expect(trash.rows.every((row) => row.deletedAt !== undefined)).toBe(true)
    expect(trash).toMatchObject({ matching: 2, total: 2, counts: { library: 3, trash: 2 } })
    expect(trash.tags).toEqual(['port'])
    const live = await api.listArticleWindow({ offset: 0, limit: 9 })
    expect(live).toMatchObject({ matching: 3, total: 3 })
    expect(titles(live.rows)).not.toContain('Bridge closed')
  })

  it('keeps to the bounds: an empty window past the end, none asked for', async () => {
    const past = await api.listArticleWindow({ offset: 5, limit: 10 })
    expect(past).toMatchObject({ offset: 5, rows: [], matching: 5 })
    const last = await api.listArticleWindow({ offset: 4, limit: 1000 })
    expect(titles(last.rows)).toEqual(['Harbour strike'])
    const counting = await api.listArticleWindow({ offset: 0, limit: 0 })
    expect(counting).toMatchObject({ rows: [], matching: 5, counts: { library: 5, trash: 0 } })
  })

  it('sees every change at once: a rename, a highlight, a new import, the Trash', async () => {
    const first = (sort: 'title' | 'highlights') =>
      api
        .listArticleWindow({ sort, descending: sort === 'highlights', offset: 0, limit: 1 })
        .then((page) => page.rows[0]?.title)
    expect(await first('title')).toBe('Árbol caído en la plaza')
    await api.updateArticle({ id: ids['Zoning vote']!, fields: { title: 'Aardvark census' } })
    expect(await first('title')).toBe('Aardvark census')
    expect(await first('highlights')).toBe('Aardvark census')
    await api.createAnnotation({ articleId: ids['Bridge closed']!, start: 0, end: 6, color: 1 })
    expect(await first('highlights')).toBe('Bridge closed')
    await library.addArticles([sampleArticle('Aaa first\n\nNew.', 'Aaa first')])
    expect(await first('title')).toBe('Aaa first')
    expect((await api.listArticleWindow({ offset: 0, limit: 0 })).counts.library).toBe(6)
    // An order sorted again from the one it had: the Trash's members come and go.
    const trashTitles = () =>
      api
        .listArticleWindow({ trash: true, sort: 'title', offset: 0, limit: 9 })
        .then((page) => titles(page.rows))
    expect(await trashTitles()).toEqual([])
    await api.deleteArticles({ ids: [ids['Harbour strike']!, ids['Bridge closed']!] })
    expect(await trashTitles()).toEqual(['Bridge closed', 'Harbour strike'])
    await api.restoreArticles({ ids: [ids['Bridge closed']!] })
    expect(await trashTitles()).toEqual(['Harbour strike'])
    const library5 = await api.listArticleWindow({ sort: 'title', offset: 0, limit: 9 })
    expect(titles(library5.rows)).toEqual([
      'Aaa first',
      'Aardvark census',
      'Árbol caído en la plaza',
      'Bridge closed',
      'election results delayed'
    ])
  })

  it('starts again from nothing when the store replaces its list (emptying the Trash)', async () => {
    expect((await api.listArticleWindow({ sort: 'title', offset: 0, limit: 1 })).matching).toBe(5)
    await api.emptyTrash({})
    await api.deleteArticles({ ids: Object.values(ids) })
    await api.emptyTrash({})
    expect(await api.listArticleWindow({ sort: 'title', offset: 0, limit: 9 })).toMatchObject({
      rows: [],
      matching: 0,
      counts: { library: 0, trash: 0 }
    })
  })
})

describe('listArticleIds', () => {
  it('gives the view’s ids in order: all, a range, or those of a selection still in it', async () => {
    const view = { sort: 'title' as const }
    const all = await api.listArticleIds(view)
    const page = await api.listArticleWindow({ ...view, offset: 0, limit: 10 })
    expect(all).toEqual(page.rows.map((row) => row.id))
    expect(await api.listArticleIds({ ...view, offset: 1, limit: 2 })).toEqual(all.slice(1, 3))
    const among = [ids['Zoning vote']!, 'ffffffffffffffff', ids['Bridge closed']!]
    expect(await api.listArticleIds({ ...view, among })).toEqual([
      ids['Bridge closed'],
      ids['Zoning vote']
    ])
    await api.deleteArticles({ ids: [ids['Bridge closed']!] })
    expect(await api.listArticleIds({ ...view, among })).toEqual([ids['Zoning vote']])
    expect(await api.listArticleIds({ trash: true, among })).toEqual([ids['Bridge closed']])
    expect(await api.listArticleIds({ filter: 'coast', sort: 'title' })).toEqual([
      ids['Harbour strike'],
      ids['Zoning vote']
    ])
  })
})

describe('getArticleRows', () => {
  it('gives the rows of articles in the library and the Trash, leaving unknown ids out', async () => {
    await api.deleteArticles({ ids: [ids['Bridge closed']!] })
    const rows = await api.getArticleRows({
      ids: [ids['Bridge closed']!, 'ffffffffffffffff', ids['Harbour strike']!]
    })
    expect(titles(rows)).toEqual(['Bridge closed', 'Harbour strike'])
    expect(rows[0]!.deletedAt).toBeDefined()
    expect(rows[1]!.deletedAt).toBeUndefined()
  })
})

describe('the window’s payloads', () => {
  it.each([
    ['listArticleWindow', { offset: 0 }, 'limit'],
    ['listArticleWindow', { offset: 0, limit: 1001 }, 'limit'],
    ['listArticleWindow', { offset: -1, limit: 10 }, 'offset'],
    ['listArticleWindow', { offset: 1.5, limit: 10 }, 'offset'],
    ['listArticleWindow', { offset: 0, limit: 10, sort: 'body' }, 'sort'],
    ['listArticleWindow', { offset: 0, limit: 10, descending: 'yes' }, 'descending'],
    ['listArticleWindow', { offset: 0, limit: 10, filter: 'x'.repeat(1001) }, 'filter'],
    ['listArticleWindow', { offset: 0, limit: 10, trash: 1 }, 'trash'],
    ['listArticleWindow', { offset: 0, limit: 10, page: 2 }, 'page'],
    ['listArticleIds', { among: [''] }, 'among.0'],
    ['listArticleIds', { limit: -1 }, 'limit'],
    ['getArticleRows', { ids: [] }, 'ids']
  ] as const)('%s refuses %j, naming %s', async (name, payload, field) => {
    const result = await dispatch(api, name, payload)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toContain(field)
  })
})
