import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { z } from 'zod'
import { LibrarySearch } from '../../src/core/search/LibrarySearch'
import type {
  ArticleDocument,
  HighlightDocument,
  SearchDocument
} from '../../src/core/search/SearchDocument'
import { SEARCH_INDEX_FILE } from '../../src/core/search/searchIndexFile'
import { docToPlain } from '../../src/shared/richText'
import type { SearchSources } from '../../src/core/search/SearchSources'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { runProbe } from '../harness/runProbe'
import type { Figure } from '../harness/Scenario'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { generateArticle, generateCorpus } from '../library/generateCorpus'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED, standardLibrary } from '../library/standardLibrary'

const QUERIES = 240
const ADDS = 120
const LOAD_SAMPLES = 5
/** The bounds, in milliseconds: absolute, not ratios. */
const QUERY_LIMIT_MS = 20
const ADD_LIMIT_MS = 5
/** A stream of the generator no library article comes from, for the articles added. */
const ADD_STREAM = 0x0add0add
/** Streams of the query picker: the measured queries, and those that warm up before them. */
const QUERY_STREAM = 0x5ea4c4
const WARM_UP_STREAM = 0x3a3a3a
const LoadResult = z.object({
  ms: z.number(),
  heapBytes: z.number(),
  heldBytes: z.number(),
  items: z.number()
})

interface Corpus {
  dir: string
  /** Every article not in the Trash, without its text. */
  articles: Map<string, Omit<ArticleDocument, 'text'>>
  articleCount: number
  highlightCount: number
  /** UTF-8 bytes of everything indexed: texts, metadata and notes (quotes are spans of the texts). */
  rawBytes: number
  textBytes: number
}

interface State {
  corpus: Corpus
  sources: SearchSources
  rebuildMs: number
  indexFileBytes: number
}

/**
 * The search index at the scale: 10,000 articles (the bench generator's texts, in
 * four scripts) and their 100,000 highlights, read through `SearchSources` from files, as
 * the store will. Queries are taken from the texts themselves (words, pairs, quoted
 * phrases, prefixes, Chinese substrings, words typed without their accents).
 */
export default defineScenario<State>({
  name: 'search',
  description:
    'search index: query p95 vs a linear scan of the texts, index memory vs raw text, adding one article, cold load vs JSON.parse',
  async setup(context) {
    const corpus = await writeCorpus(join(context.workDir, 'library'), context.scale)
    const sources = corpusSources(corpus)
    context.log(`rebuilding the index of ${corpus.articleCount} articles…`)
    const search = LibrarySearch.open({ dataDir: corpus.dir, sources })
    const rebuildMs = await timeAsync(() => search.ready())
    await search.close()
    if (search.notices.length > 0) throw new Error(search.notices.join(' '))
    const indexFileBytes = (await stat(join(corpus.dir, SEARCH_INDEX_FILE))).size
    context.log(`rebuilt in ${Math.round(rebuildMs)} ms, ${formatBytes(indexFileBytes)} written`)
    return { corpus, sources, rebuildMs, indexFileBytes }
  },

  async measure(state, context) {
    const { corpus } = state
    const file = join(corpus.dir, SEARCH_INDEX_FILE)
    const load: number[] = []
    const parse: number[] = []
    const heap: number[] = []
    const indexHeap: number[] = []
    for (let i = 0; i < LOAD_SAMPLES; i++) {
      // Alternated, so that a noisy neighbour hits both sides alike.
      const loaded = await runProbe(
        context.repoRoot,
        'searchLoadProbe',
        [file, 'index', join(corpus.dir, 'texts')],
        LoadResult
      )
      const parsed = await runProbe(
        context.repoRoot,
        'searchLoadProbe',
        [file, 'parse'],
        LoadResult
      )
      load.push(loaded.ms)
      heap.push(loaded.heldBytes)
      indexHeap.push(loaded.heapBytes)
      parse.push(parsed.ms)
    }

    const search = LibrarySearch.open({ dataDir: corpus.dir, sources: state.sources })
    await search.ready()
    if (search.progress.done !== 0) throw new Error('the persisted index was not loaded as is')
    // Searches made before then read from files the texts they have not read yet.
    const holdMs = await timeAsync(() => search.textsHeld())
    const texts = await readTexts(corpus)
    const queryCount = Math.max(60, Math.round(QUERIES * context.scale))
    const queries = pickQueries(texts, queryCount, QUERY_STREAM)
    // Other queries of the same mix warm up the JIT: the measured ones find nothing of theirs
    // already read (the search keeps the texts it read last).
    const warmUp = pickQueries(texts, queryCount, WARM_UP_STREAM)
    const lowercased = texts.map((text) => text.toLowerCase())
    const ours: number[] = []
    const scan: number[] = []
    let found = 0
    for (const query of warmUp) await search.search(query)
    const readsBefore = await search.readCounts()
    for (const query of queries) {
      let groups = 0
      ours.push(await timeAsync(async () => (groups = (await search.search(query)).groups.length)))
      if (groups > 0) found++
      scan.push(timeScan(lowercased, query))
    }

    const readsAfter = await search.readCounts()
    const reads = {
      hits: readsAfter.hits - readsBefore.hits,
      misses: readsAfter.misses - readsBefore.misses
    }
    const adds: number[] = []
    const addCpus: number[] = []
    const longestBlock = { wallMs: 0, cpuMs: 0 }
    const addCount = Math.max(30, Math.round(ADDS * context.scale))
    for (let i = 0; i < addCount; i++) {
      const { meta, text } = generateArticle(BENCH_SEED ^ ADD_STREAM, i, 0)
      const doc = articleDocument(meta, text)
      // Each article arrives in a turn of the event loop of its own, as a save or an import does.
      await nextTurn()
      const blocks = watchEventLoop()
      const cpu = process.cpuUsage()
      adds.push(await timeAsync(() => search.put(doc)))
      addCpus.push(cpuSince(cpu))
      const block = blocks.stop()
      longestBlock.wallMs = Math.max(longestBlock.wallMs, block.wallMs)
      longestBlock.cpuMs = Math.max(longestBlock.cpuMs, block.cpuMs)
    }
    const writes = watchEventLoop()
    const writeMs = await timeAsync(() => search.flush())
    const writeBlock = writes.stop()
    await search.close()

    const workload = `${corpus.articleCount.toLocaleString('en-US')} articles (${formatBytes(corpus.textBytes)} of text), ${corpus.highlightCount.toLocaleString('en-US')} highlights`
    const oursQuery = summarize(ours, { p95: true })
    const scanQuery = summarize(scan, { p95: true })
    const addFigure = summarize(adds, { p95: true })
    const addCpu = summarize(addCpus, { p95: true })
    const limit = (ms: number): Figure => ({ median: ms, samples: 1 })
    const absolute = (ms: number): string =>
      `an absolute bound: baseline is the issue's ${ms} ms, so ≤ 1× means within it`
    return [
      {
        name: 'search-query',
        workload: `${queries.length} queries (${found} with hits) into ${workload}`,
        unit: 'ms',
        ours: summarize([oursQuery.p95!]),
        baseline: summarize([scanQuery.p95!]),
        baselineLabel:
          'a linear scan: indexOf of the lowercased query in every lowercased text, held in memory',
        goal: { maxRatio: 0.05 },
        notes: [
          `figures are the p95 of the ${queries.length} queries on each side; medians ${oursQuery.median.toFixed(2)} ms vs ${scanQuery.median.toFixed(1)} ms`,
          `p95 ${oursQuery.p95!.toFixed(1)} ms against the issue's ${QUERY_LIMIT_MS} ms: ${oursQuery.p95! <= QUERY_LIMIT_MS ? 'met' : 'MISSED'}`,
          `ours: LibrarySearch.search, the first 20 groups with snippets, once the texts are held in memory (read and folded in the background after the load, in ${(holdMs / 1000).toFixed(1)} s; ${reads.hits} of ${reads.hits + reads.misses} reads found there, the rest the highlights of articles whose notes matched; the JIT warmed by ${warmUp.length} other queries); the scan only says which texts contain the query`,
          `query mix: ${describeQueries()}`
        ]
      },
      {
        name: 'search-index-memory',
        workload,
        unit: 'bytes',
        ours: summarize(heap),
        baseline: { median: corpus.rawBytes, samples: 1 },
        baselineLabel: `UTF-8 bytes of the text the index makes searchable: article texts, titles and metadata, highlight notes (${formatBytes(corpus.rawBytes)}); quotes are spans of the texts, found there`,
        goal: { maxRatio: 6 },
        notes: [
          'JS heap growth after loading the persisted index in a fresh process with --expose-gc, and holding every article text in memory as stored and folded by chunk, as a loaded index does in the background',
          `the index alone: ${formatBytes(summarize(indexHeap).median)} (${(summarize(indexHeap).median / corpus.rawBytes).toFixed(2)}×)`,
          `against the article texts alone (${formatBytes(corpus.textBytes)}): ${(summarize(heap).median / corpus.textBytes).toFixed(2)}×`
        ]
      },
      {
        name: 'search-add-article',
        workload: `${addCount} new articles of the same generator, one at a time, into ${workload}`,
        unit: 'ms',
        ours: summarize([addFigure.p95!]),
        baseline: limit(ADD_LIMIT_MS),
        baselineLabel: `the issue's limit of ${ADD_LIMIT_MS} ms`,
        goal: { maxRatio: 1 },
        notes: [
          absolute(ADD_LIMIT_MS),
          `figure: p95 of put() until the article can be found (median ${addFigure.median.toFixed(1)} ms; process CPU time of the put: median ${addCpu.median.toFixed(1)} ms, p95 ${addCpu.p95!.toFixed(1)} ms); an article is indexed in chunks of about 500 terms, in one turn of the event loop unless it takes more than 4 ms (a long report), when it yields between chunks`,
          `the longest the event loop was held while adding: ${describeBlock(longestBlock)}`
        ]
      },
      {
        name: 'search-cold-load',
        workload: `${SEARCH_INDEX_FILE} of ${workload} (${formatBytes(state.indexFileBytes)})`,
        unit: 'ms',
        ours: summarize(load),
        baseline: summarize(parse),
        baselineLabel: `readFile + JSON.parse of each line of the file, fresh process`,
        goal: { maxRatio: 2 },
        notes: [
          'ours: readFile, then each line parsed and restored into MiniSearch, in slices of 4 ms',
          `writing it (after the adds): ${Math.round(writeMs)} ms, the event loop held at most ${describeBlock(writeBlock)} at a time`,
          `not in the figure: the rebuild from the library (no index file) took ${(state.rebuildMs / 1000).toFixed(1)} s, in the background`
        ]
      }
    ]
  }
})

/** Articles and highlights of the standard library, in files a `SearchSources` reads. */
async function writeCorpus(dir: string, scale: number): Promise<Corpus> {
  await mkdir(join(dir, 'texts'), { recursive: true })
  await mkdir(join(dir, 'highlights'), { recursive: true })
  const articles = new Map<string, Omit<ArticleDocument, 'text'>>()
  let highlightCount = 0
  let rawBytes = 0
  let textBytes = 0
  const spec = standardLibrary(scale)
  for (const { meta, text, annotations } of generateCorpus(spec)) {
    if (meta.deletedAt !== undefined) continue
    articles.set(meta.id, articleMetadata(meta))
    const highlights = annotations.map((annotation): HighlightDocument => ({
      kind: 'highlight',
      id: annotation.id,
      articleId: meta.id,
      start: annotation.position.start,
      end: annotation.position.end,
      quote: annotation.quote.exact,
      note: docToPlain(annotation.note)
    }))
    highlightCount += highlights.length
    textBytes += Buffer.byteLength(text)
    rawBytes +=
      Buffer.byteLength(text) +
      Buffer.byteLength([meta.title, meta.source, meta.author, ...meta.tags].join(' ')) +
      highlights.reduce((sum, h) => sum + Buffer.byteLength(h.note), 0)
    await writeFile(join(dir, 'texts', `${meta.id}.txt`), text)
    await writeFile(join(dir, 'highlights', `${meta.id}.json`), JSON.stringify(highlights))
  }
  return { dir, articles, articleCount: articles.size, highlightCount, rawBytes, textBytes }
}

function articleDocument(
  meta: ReturnType<typeof generateArticle>['meta'],
  text: string
): ArticleDocument {
  return { ...articleMetadata(meta), text }
}

function articleMetadata(
  meta: ReturnType<typeof generateArticle>['meta']
): Omit<ArticleDocument, 'text'> {
  return {
    kind: 'article',
    id: meta.id,
    title: meta.title,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.author ? { author: meta.author } : {}),
    tags: meta.tags,
    importedAt: meta.importedAt
  }
}

function describeBlock({ wallMs, cpuMs }: { wallMs: number; cpuMs: number }): string {
  return `${wallMs.toFixed(1)} ms on the wall clock, ${cpuMs.toFixed(1)} ms of process CPU time (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`
}

/** What the store will provide, read from the corpus files. */
function corpusSources(corpus: Corpus): SearchSources {
  const readText = (id: string): Promise<string | undefined> =>
    readFile(join(corpus.dir, 'texts', `${id}.txt`), 'utf8').catch(() => undefined)
  const readHighlights = async (id: string): Promise<HighlightDocument[]> =>
    JSON.parse(
      await readFile(join(corpus.dir, 'highlights', `${id}.json`), 'utf8')
    ) as HighlightDocument[]
  return {
    articleIds: async () => [...corpus.articles.keys()],
    async articleDocuments(id) {
      const article = corpus.articles.get(id)
      const text = await readText(id)
      if (!article || text === undefined) return []
      return [{ ...article, text } satisfies SearchDocument, ...(await readHighlights(id))]
    },
    looseDocuments: async () => [],
    changedSince: async () => ({ articleIds: [], loose: false }),
    readText,
    async readDocument(ref) {
      if (ref.kind !== 'highlight' || ref.articleId === undefined) return undefined
      return (await readHighlights(ref.articleId)).find((h) => h.id === ref.id)
    }
  }
}

async function readTexts(corpus: Corpus): Promise<string[]> {
  const texts: string[] = []
  for (const id of corpus.articles.keys())
    texts.push(await readFile(join(corpus.dir, 'texts', `${id}.txt`), 'utf8'))
  return texts
}

/** The scan gets its texts lowercased beforehand, so it only compares. */
function timeScan(lowercasedTexts: string[], query: string): number {
  const start = performance.now()
  const needle = query.replaceAll('"', '').toLowerCase()
  let hits = 0
  for (const text of lowercasedTexts) if (text.includes(needle)) hits++
  const ms = performance.now() - start
  // Keeps the loop from being optimised away.
  if (hits < 0) throw new Error('unreachable')
  return ms
}

const QUERY_KINDS = [
  'word',
  'two words',
  'quoted phrase of three words',
  'prefix of 3–5 letters',
  'Chinese substring of 2–4 characters',
  'word typed without its accents'
] as const

function describeQueries(): string {
  return `${QUERY_KINDS.join(', ')}, in equal shares, taken from random places of random texts`
}

/** Queries that occur in the texts, in equal shares of each kind, seeded. */
function pickQueries(texts: string[], count: number, stream: number): string[] {
  const random = new SeededRandom(BENCH_SEED ^ stream)
  const queries: string[] = []
  while (queries.length < count) {
    const kind = QUERY_KINDS[queries.length % QUERY_KINDS.length]
    const text = random.pick(texts)
    const at = random.int(0, Math.max(0, text.length - 400))
    const window = text.slice(at, at + 400)
    const query = queryOf(kind, window, random)
    if (query) queries.push(query)
  }
  return queries
}

function queryOf(
  kind: (typeof QUERY_KINDS)[number],
  window: string,
  random: SeededRandom
): string | undefined {
  if (kind === 'Chinese substring of 2–4 characters') {
    const run = /\p{Script=Han}{4,}/u.exec(window)?.[0]
    return run ? [...run].slice(0, random.int(2, 4)).join('') : undefined
  }
  const words = window
    .split(/[^\p{L}\p{N}]+/u)
    .slice(1, -1)
    .filter((word) => word.length >= 3 && !/\p{Script=Han}|\p{Script=Hiragana}/u.test(word))
  if (words.length < 4) return undefined
  const i = random.int(0, words.length - 4)
  switch (kind) {
    case 'word':
      return words[i]
    case 'two words':
      return consecutive(window, words[i], words[i + 1])
    case 'quoted phrase of three words': {
      const phrase = consecutive(window, words[i], words[i + 1], words[i + 2])
      return phrase ? `"${phrase}"` : undefined
    }
    case 'prefix of 3–5 letters':
      return words[i].length > 5 ? words[i].slice(0, random.int(3, 5)) : undefined
    case 'word typed without its accents': {
      const accented = words.find((word) => word.normalize('NFD') !== word)
      return accented?.normalize('NFD').replace(/\p{M}/gu, '')
    }
  }
}

/** The words as the text has them, if they follow each other with only a space between. */
function consecutive(window: string, ...words: string[]): string | undefined {
  const phrase = words.join(' ')
  return window.includes(phrase) ? phrase : undefined
}

/**
 * The longest gap between turns of the event loop, from now until `stop()`: on the wall
 * clock, and in CPU time of the process, which a busy machine that deschedules the process
 * does not inflate (it does count GC and I/O threads, so it is an upper bound too).
 */
function watchEventLoop(): { stop(): { wallMs: number; cpuMs: number } } {
  let running = true
  let wall = performance.now()
  let cpu = process.cpuUsage()
  let wallMs = 0
  let cpuMs = 0
  const tick = (): void => {
    wallMs = Math.max(wallMs, performance.now() - wall)
    cpuMs = Math.max(cpuMs, cpuSince(cpu))
    wall = performance.now()
    cpu = process.cpuUsage()
    if (running) setImmediate(tick)
  }
  setImmediate(tick)
  return {
    stop() {
      running = false
      return {
        wallMs: Math.max(wallMs, performance.now() - wall),
        cpuMs: Math.max(cpuMs, cpuSince(cpu))
      }
    }
  }
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
