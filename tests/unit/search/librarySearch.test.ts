import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { foldText } from '../../../src/core/search/foldText'
import { LibrarySearch } from '../../../src/core/search/LibrarySearch'
import type { SearchDocument } from '../../../src/core/search/SearchDocument'
import { SEARCH_INDEX_FILE } from '../../../src/core/search/searchIndexFile'
import type { SearchOptions, SearchResults } from '../../../src/core/search/SearchResults'
import { article, FolderLibrary } from './FolderLibrary'

const harbour = article(
  'a1',
  'Harbour strike enters second week',
  'Dock workers walked out on Monday. The union said 2,400 workers joined.\n\nSources close to the ministry denied it. President Erdoğan did not comment. “We don’t negotiate,” the minister said.',
  { source: 'Reuters', tags: ['labour'], importedAt: '2026-01-10T08:00:00.000Z' }
)
const election = article(
  'a2',
  'Election results delayed',
  'Counting resumed after a power cut. About 2,400 striking workers were counted separately. São Paulo reported late.',
  { tags: ['elections'], importedAt: '2026-02-10T08:00:00.000Z' }
)
const moscow = article(
  'a3',
  'Выборы в Москве',
  'Кандидаты обсуждали выборы и ёлку. Явка была низкой.'
)
const tokyo = article(
  'a4',
  '東京の報告',
  '東京都の情報分析センターが発表した。結果は来週公開される。'
)
const workers = article('a5', 'Workers of the world', 'Nothing else is said here.')
const quote = '2,400 workers'
const highlight: SearchDocument = {
  kind: 'highlight',
  id: 'h1',
  articleId: 'a1',
  start: harbour.text.indexOf(quote),
  end: harbour.text.indexOf(quote) + quote.length,
  quote,
  note: "Union figure: check it against Erdogan's statement"
}
const claimQuote = 'Sources close to the ministry denied it.'
const claim: SearchDocument = {
  kind: 'claim',
  id: 'c1',
  articleId: 'a1',
  start: harbour.text.indexOf(claimQuote),
  end: harbour.text.indexOf(claimQuote) + claimQuote.length,
  quote: claimQuote,
  statement: 'The labour ministry denies the walkout',
  claimant: 'Ministry of Labour',
  sourceId: 's1',
  status: 'disputed',
  tags: ['denial']
}
const ministry: SearchDocument = {
  kind: 'source',
  id: 's1',
  name: 'Ministry of Labour',
  aliases: ['Labour Ministry']
}
const notebook: SearchDocument = {
  kind: 'notebook',
  id: 'nb1',
  title: 'Strike timeline',
  text: 'Dockers stopped work on Monday in Izmir.'
}
const ALL = [harbour, election, moscow, tokyo, workers, highlight, claim, ministry, notebook]

let library: FolderLibrary
let search: LibrarySearch | undefined

beforeEach(async () => {
  library = await FolderLibrary.create()
  for (const doc of ALL) await library.save(doc)
  await library.age()
})
afterEach(async () => {
  await search?.close()
  search = undefined
  await library.remove()
})

/** Opens the search of the library and waits until it is complete. */
async function open(): Promise<LibrarySearch> {
  await search?.close()
  search = LibrarySearch.open({ dataDir: library.dir, sources: library })
  await search.ready()
  return search
}

/** Every hit as `kind:id`, group by group. */
function hits(results: SearchResults): string[] {
  return results.groups.flatMap((group) => group.hits.map((hit) => `${hit.kind}:${hit.id}`))
}

async function find(query: string, options?: SearchOptions): Promise<string[]> {
  return hits(await search!.search(query, options))
}

describe('finding', () => {
  beforeEach(open)

  it('finds a quoted phrase only where it occurs as written, and says where', async () => {
    const results = await search!.search('"2,400 workers"')
    expect(hits(results)).toEqual(['article:a1', 'highlight:h1'])
    const [passage] = results.groups[0].hits
    expect(harbour.text.slice(passage.start, passage.end)).toBe('2,400 workers')
    expect(await find('"workers 2,400"')).toEqual([])
  })

  it('finds the words of an unquoted query anywhere, the exact phrase first', async () => {
    expect(await find('2,400 workers')).toEqual(['article:a1', 'highlight:h1', 'article:a2'])
    expect(await find('workers 2,400')).toEqual(
      expect.arrayContaining(['article:a1', 'article:a2'])
    )
    expect(await find('2,400 striking')).toEqual(['article:a2'])
  })

  it('matches the last word as a prefix while it is typed', async () => {
    expect(await find('Erdo')).toEqual(['article:a1', 'highlight:h1'])
    expect(await find('Erdo ')).toEqual([])
    expect(await find('minist')).toContain('claim:c1')
  })

  it('ignores case and accents both ways', async () => {
    for (const query of ['erdogan', 'ERDOĞAN', 'Erdoğan'])
      expect(await find(query)).toEqual(['article:a1', 'highlight:h1'])
    expect(await find('sao paulo')).toEqual(['article:a2'])
  })

  it('takes curly and straight apostrophes and quotes as the same', async () => {
    expect(await find("don't")).toEqual(['article:a1'])
    expect(await find('“we don’t negotiate”')).toEqual(['article:a1'])
    expect(await find('"we don\'t negotiate"')).toEqual(['article:a1'])
  })

  it('finds Cyrillic words, ё as е', async () => {
    expect(await find('выборы')).toEqual(['article:a3'])
    expect(await find('елку')).toEqual(['article:a3'])
  })

  it('finds Chinese and Japanese by substring, never by scattered characters', async () => {
    const results = await search!.search('情報分析')
    expect(hits(results)).toEqual(['article:a4'])
    const [hit] = results.groups[0].hits
    expect(tokyo.text.slice(hit.start, hit.end)).toBe('情報分析')
    expect(await find('分析')).toEqual(['article:a4'])
    expect(await find('析')).toEqual(['article:a4'])
    expect(await find('情析')).toEqual([])
  })

  it('ranks title hits first', async () => {
    const results = await search!.search('workers')
    expect(results.groups.map((group) => group.articleId)).toEqual(['a5', 'a1', 'a2'])
    expect(results.groups[0].hits[0]).toMatchObject({
      field: 'title',
      snippet: 'Workers of the world'
    })
  })

  it('marks the matched words in each snippet', async () => {
    const results = await search!.search('denied ministry')
    for (const hit of results.groups.flatMap((group) => group.hits))
      for (const mark of hit.marks)
        expect(['denied', 'ministry']).toContain(foldText(hit.snippet.slice(mark.start, mark.end)))
    const claimHit = results.groups[0].hits.find((hit) => hit.kind === 'claim')
    expect(claimHit).toMatchObject({ start: claim.start, end: claim.end, field: 'quote' })
  })

  it('finds notes, statements, sources by alias and notebooks', async () => {
    expect(await find('statement')).toEqual(['highlight:h1'])
    expect(await find('walkout')).toEqual(['claim:c1'])
    expect(await find('labour ministry')).toEqual(expect.arrayContaining(['source:s1', 'claim:c1']))
    const results = await search!.search('izmir')
    expect(results.groups).toEqual([
      expect.objectContaining({
        title: 'Strike timeline',
        hits: [expect.objectContaining({ kind: 'notebook' })]
      })
    ])
  })

  it('filters by kind, claim status, tag, source and import date', async () => {
    expect(await find('ministry', { kinds: ['claim'] })).toEqual(['claim:c1'])
    expect(await find('ministry', { statuses: ['disputed'] })).toEqual(['claim:c1'])
    expect(await find('ministry', { statuses: ['supported'] })).toEqual([])
    expect(await find('workers', { tag: 'Elections' })).toEqual(['article:a2'])
    expect(await find('ministry', { sourceId: 's1' })).toEqual(['source:s1', 'claim:c1'])
    expect(await find('workers', { importedFrom: '2026-02-01' })).toEqual(['article:a2'])
    expect(await find('workers', { importedBefore: '2026-02-01', kinds: ['highlight'] })).toEqual([
      'highlight:h1'
    ])
  })
})

describe('keeping up with the library', () => {
  beforeEach(open)

  it('finds the new version of an edited document and not the old one', async () => {
    const edited = article('a2', 'Count resumes', 'Counting resumed at dawn.', {
      tags: ['elections']
    })
    await library.save(edited)
    await search!.put(edited)
    expect(await find('delayed')).toEqual([])
    expect(await find('2,400 striking')).toEqual([])
    expect(await find('dawn')).toEqual(['article:a2'])
    const renamed = { ...ministry, aliases: ['Labour Office'] }
    await library.save(renamed)
    await search!.put(renamed)
    expect(await find('labour office')).toEqual(['source:s1'])
  })

  it('shows the new text of an article edited after a search read it', async () => {
    const before = await search!.search('counting')
    expect(before.groups[0].hits[0].snippet).toContain('power cut')
    const edited = article('a2', 'Election results delayed', 'Counting stopped again at noon.', {
      tags: ['elections']
    })
    await library.save(edited)
    await search!.put(edited)
    const [hit] = (await search!.search('counting')).groups[0].hits
    expect(hit.snippet).toBe('Counting stopped again at noon.')
    expect(edited.text.slice(hit.start, hit.end)).toBe('Counting')
  })

  it('holds the texts once loaded: searches read no file, and see no old version', async () => {
    await search!.textsHeld()
    const before = await search!.readCounts()
    expect(await find('"power cut"')).toEqual(['article:a2'])
    expect(await find('"results delayed"')).toEqual(['article:a2'])
    expect(await find('東京都')).toEqual(['article:a4'])
    expect((await search!.readCounts()).misses).toBe(before.misses)
    const edited = article('a2', 'Election results delayed', 'Counting resumed after a blackout.', {
      tags: ['elections']
    })
    await library.save(edited)
    await search!.put(edited)
    expect(await find('"power cut"')).toEqual([])
    expect(await find('"after a blackout"')).toEqual(['article:a2'])
    expect(await find('"resumed after"')).toEqual(['article:a2'])
  })

  it('finds a query of more than 32 distinct terms', async () => {
    const characters = Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7))
    const long = article('long', 'Characters', `前言。${characters.join('')}。后记`)
    await library.save(long)
    await search!.put(long)
    expect(await find(characters.join(''))).toEqual(['article:long'])
    expect(await find(characters.slice(1).join('') + characters[0])).toEqual([])
  })

  it('leaves no stale hit after a deletion', async () => {
    await library.delete({ kind: 'highlight', id: 'h1', articleId: 'a1' })
    await search!.remove({ kind: 'highlight', id: 'h1', articleId: 'a1' })
    expect(await find('"2,400 workers"')).toEqual(['article:a1'])
    expect(await find('statement')).toEqual([])
    await library.delete({ kind: 'article', id: 'a1' })
    await search!.remove({ kind: 'article', id: 'a1' })
    expect(await find('ministry')).toEqual(['source:s1'])
    expect(await find('Erdo')).toEqual([])
    await library.age()
    await open()
    expect(search!.progress.done).toBe(0)
    expect(await find('ministry')).toEqual(['source:s1'])
    expect(await find('Erdo')).toEqual([])
    expect(await find('"2,400 workers"')).toEqual([])
  })

  it('finds a passage deep in a long article at its offset', async () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `Paragraph ${i} of the annual report.`
    )
    paragraphs[2750] = 'The auditors found a shortfall of 41 million.'
    const report = article('big', 'Annual report', paragraphs.join('\n\n'))
    await library.save(report)
    await search!.put(report)
    const results = await search!.search('"shortfall of 41 million"')
    const [hit] = results.groups[0].hits
    expect(report.text.slice(hit.start, hit.end)).toBe('shortfall of 41 million')
  })
})

describe('the index file', () => {
  const queries = ['"2,400 workers"', 'workers', 'Erdo', '情報分析', 'выборы', 'ministry', 'izmir']
  const answers = async (): Promise<SearchResults[]> =>
    Promise.all(queries.map((query) => search!.search(query)))
  const file = (): string => join(library.dir, SEARCH_INDEX_FILE)

  it('is loaded at start without a rebuild, with the same results', async () => {
    await open()
    const before = await answers()
    expect(search!.progress.state).toBe('ready')
    await open()
    expect(search!.progress).toMatchObject({ state: 'ready', done: 0 })
    expect(search!.notices).toEqual([])
    expect(await answers()).toEqual(before)
  })

  it('is rebuilt when deleted, damaged or of another format, with the same results', async () => {
    await open()
    const before = await answers()
    await search!.close()
    const written = await readFile(file(), 'utf8')
    const damages: [string, () => Promise<void>][] = [
      ['deleted', () => rm(file())],
      ['cut off', () => writeFile(file(), written.slice(0, written.length / 2))],
      ['garbage', () => writeFile(file(), '\u0000'.repeat(1000))],
      ['another format', () => writeFile(file(), written.replace('"format":1', '"format":999'))]
    ]
    for (const [name, damage] of damages) {
      await damage()
      await open()
      expect(search!.progress.state, name).toBe('ready')
      expect(search!.progress.total, name).toBe(5)
      if (name !== 'deleted')
        expect(search!.notices.join(' '), name).toMatch(/rebuilt from the library/)
      expect(await answers(), name).toEqual(before)
      await search!.close()
    }
  })

  it('keeps terms of many documents packed, through reloads and changes', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      article(
        `m${i}`,
        `Dispatch ${i}`,
        `Convoy sighted near checkpoint ${i}. The convoy moved north.`
      )
    )
    for (const doc of many) await library.save(doc)
    await library.age()
    await open()
    const total = async (query: string): Promise<number> => (await search!.search(query)).total
    expect(await total('convoy')).toBe(40)
    await open()
    expect(search!.progress.done).toBe(0)
    expect(await total('convoy')).toBe(40)
    expect(await find('"checkpoint 17"')).toEqual(['article:m17'])
    const extra = article('m40', 'Dispatch 40', 'Another convoy, at checkpoint 40.')
    await library.save(extra)
    await search!.put(extra)
    await library.delete({ kind: 'article', id: 'm3' })
    await search!.remove({ kind: 'article', id: 'm3' })
    expect(await total('convoy')).toBe(40)
    expect(await find('"checkpoint 3"')).toEqual([])
    await library.age()
    await open()
    expect(await total('convoy')).toBe(40)
    expect(await find('"checkpoint 40"')).toEqual(['article:m40'])
  })

  it('rebuilds in the background, reporting progress, and keeps changes made meanwhile', async () => {
    const states: string[] = []
    search = LibrarySearch.open({
      dataDir: library.dir,
      sources: library,
      onProgress: (progress) => states.push(progress.state)
    })
    const late = article('a6', 'Late arrival', 'A ferry strike began at noon.')
    await library.save(late)
    const put = search.put(late)
    expect((await search.search('ferry')).partial).toBe(true)
    await Promise.all([put, search.ready()])
    expect(states).toContain('rebuilding')
    expect(states.at(-1)).toBe('ready')
    expect(await find('ferry')).toEqual(['article:a6'])
    expect((await search.search('ferry')).partial).toBe(false)
  })

  it('catches up at start with what changed while it was not told', async () => {
    await open()
    await search!.close()
    const late = article('a6', 'Late arrival', 'A ferry strike began at noon.')
    await library.save(late)
    await library.delete({ kind: 'article', id: 'a3' })
    await open()
    expect(search!.progress.state).toBe('ready')
    expect(await find('ferry')).toEqual(['article:a6'])
    expect(await find('выборы')).toEqual([])
  })

  it('is written again a while after changes, and on close', async () => {
    search = LibrarySearch.open({ dataDir: library.dir, sources: library, persistAfterMs: 20 })
    await search.ready()
    const late = article('a6', 'Late arrival', 'A ferry strike began at noon.')
    await library.save(late)
    await search.put(late)
    await expect
      .poll(async () => (await readFile(file(), 'utf8')).includes('Late arrival'))
      .toBe(true)
  })
})
