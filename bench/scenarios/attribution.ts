import { readFileSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { findAttributions } from '../../src/core/attribution/findAttributions'
import { findAttributionsOffThread } from '../../src/core/attribution/findAttributionsOffThread'
import { loadLanguageModel } from '../../src/core/attribution/languageModel'
import { Library } from '../../src/core/store/Library'
import { ClaimSuggestions } from '../../src/core/suggestions/ClaimSuggestions'
import { SUGGESTION_CACHE_FILE } from '../../src/core/suggestions/suggestionCacheFile'
import type { ArticleMeta } from '../../src/shared/article'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import type { Figure, Row } from '../harness/Scenario'
import { summarize } from '../harness/summarize'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

/** The bound: suggestions for a 10 KB article within 50 ms, p95, model loaded. */
const LIMIT_MS = 50
const ARTICLE_BYTES = 10 * 1024
const ARTICLES = 200
/**
 * Each article is read this many times, round after round, and its figure is its fastest:
 * on shared cores a run's wall time also counts the time another process held the core,
 * which the fastest of three leaves out while keeping every article's own cost.
 */
const ROUNDS = 3
const WARMUP = 10
/** The library of the background pass: the standard library's size, in news prose. */
const LIBRARY_ARTICLES = 10_000
/** Saves timed with the pass running and with it stopped, in alternating blocks. */
const SAVE_BLOCKS = 6
const SAVES_PER_BLOCK = 25
/** How long the host's event loop is watched idle, before the pass, as its baseline. */
const IDLE_LAG_MS = 5_000
/** A stream of its own, so these articles are not the other scenarios'. */
const ATTRIBUTION_STREAM = 0xa77b

interface State {
  /** Distinct 10 KB articles, the first `WARMUP` of them unmeasured. */
  articles: string[]
  written: WrittenLibrary
}

/**
 * The attribution finder (issue #17) on news prose. The generator's syllable text has no
 * attributions to find, so articles are the labelled set's own paragraphs (tests/fixtures/
 * attribution), shuffled by a seeded stream and joined until they reach their size: prose
 * with the quotations, cues and names the finder reads, at a realistic density.
 */
export default defineScenario<State>({
  name: 'attribution',
  description:
    'findAttributions on a 10 KB article (p95, model loaded, in the thread and through the worker) vs the 50 ms limit; the library pass vs reading the same bytes; a save during the pass vs without it',
  async setup(context) {
    const paragraphs = await readParagraphs(join(context.repoRoot, 'tests/fixtures/attribution'))
    const count = Math.max(60, Math.round(ARTICLES * context.scale)) + WARMUP
    const articles = Array.from(
      { length: count },
      (_, index) =>
        composeArticle(
          SeededRandom.forItem(BENCH_SEED ^ ATTRIBUTION_STREAM, index),
          paragraphs,
          ARTICLE_BYTES
        ).text
    )
    const size = Math.max(200, Math.round(LIBRARY_ARTICLES * context.scale))
    const written = await writeLibrary(join(context.workDir, 'library'), {
      seed: BENCH_SEED ^ ATTRIBUTION_STREAM,
      articles: size,
      annotations: size,
      prose: (random, bytes) => composeArticle(random, paragraphs, bytes)
    })
    return { articles, written }
  },

  async measure(state, context) {
    const loadStart = performance.now()
    await findAttributions('')
    const loadMs = performance.now() - loadStart
    const workerStart = performance.now()
    await findAttributionsOffThread('')
    const workerLoadMs = performance.now() - workerStart
    context.log(
      `model loaded in ${loadMs.toFixed(0)} ms, the worker in ${workerLoadMs.toFixed(0)} ms`
    )
    const rows = [
      ...(await measureArticles(state.articles)),
      ...(await measurePass(state.written, context.log))
    ]
    rows[0]!.notes!.push(
      `not in the figures: importing and building wink's English model took ${loadMs.toFixed(0)} ms on the first call in this thread, ${workerLoadMs.toFixed(0)} ms for the worker's start and first call`
    )
    return rows
  }
})

/** The 10 KB article, in this thread and through the worker, against the 50 ms. */
async function measureArticles(articles: string[]): Promise<Row[]> {
  const model = await loadLanguageModel()
  for (const article of articles.slice(0, WARMUP)) {
    await findAttributions(article)
    await findAttributionsOffThread(article)
  }
  const measured = articles.slice(WARMUP)
  const wall = measured.map(() => [] as number[])
  const cpu = measured.map(() => [] as number[])
  const onCore = measured.map(() => [] as number[])
  const waiting = measured.map(() => [] as number[])
  const worker = measured.map(() => [] as number[])
  const modelTimes: number[] = []
  let suggestions = 0
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, article] of measured.entries()) {
      const used = process.cpuUsage()
      const onCoreBefore = threadOnCoreMs()
      const start = performance.now()
      const found = await findAttributions(article)
      const wallMs = performance.now() - start
      const onCoreAfter = threadOnCoreMs()
      wall[i]!.push(wallMs)
      const { user, system } = process.cpuUsage(used)
      cpu[i]!.push((user + system) / 1000)
      if (onCoreBefore !== undefined && onCoreAfter !== undefined) {
        onCore[i]!.push(onCoreAfter - onCoreBefore)
        waiting[i]!.push(Math.max(0, wallMs - (onCoreAfter - onCoreBefore)))
      }
      const sent = performance.now()
      await findAttributionsOffThread(article)
      worker[i]!.push(performance.now() - sent)
      if (round === 0) {
        suggestions += found.length
        // The model's share: reading the text into tokens, sentences and tags, nothing else.
        const modelStart = performance.now()
        model.readDoc(article).tokens().out(model.its.pos)
        modelTimes.push(performance.now() - modelStart)
      }
    }
  }
  const fastest = (runs: number[][]): number[] => runs.map((times) => Math.min(...times))
  const inThread = summarize(fastest(wall), { p95: true })
  const offThread = summarize(fastest(worker), { p95: true })
  const everyRun = summarize(wall.flat(), { p95: true })
  const everyWorkerRun = summarize(worker.flat(), { p95: true })
  const cpuFigure = summarize(fastest(cpu), { p95: true })
  // The thread's own time on a core, where the system says (Linux); else wall time.
  const scheduled = onCore.every((runs) => runs.length === ROUNDS)
  const thread = scheduled ? summarize(fastest(onCore), { p95: true }) : inThread
  const bytes = summarize(measured.map((article) => Buffer.byteLength(article))).median
  const limit: Figure = { median: LIMIT_MS, samples: 1 }
  const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores when measured`
  const workload = `${measured.length} distinct articles of ${formatBytes(bytes)} (UTF-8), ${(suggestions / measured.length).toFixed(1)} suggestions each, each read ${ROUNDS} times after ${WARMUP} unmeasured ones, model loaded`
  const ms = (figure: Figure): string =>
    `median ${figure.median.toFixed(1)} ms, p95 ${figure.p95!.toFixed(1)} ms`
  return [
    {
      name: 'attribution-10kb-p95',
      workload: `findAttributions on ${workload}: ${scheduled ? "the thread's time on a core" : 'wall time'}`,
      unit: 'ms',
      ours: summarize([thread.p95!]),
      baseline: limit,
      baselineLabel: `the issue's limit of ${LIMIT_MS} ms`,
      goal: { maxRatio: 1 },
      notes: [
        `an absolute bound: the figure is the p95 over the articles of each one's least of ${ROUNDS} reads (${ms(thread)}), so ≤ 1× means a p95 under ${LIMIT_MS} ms`,
        ...(scheduled
          ? [
              `time on a core is the calling thread's, from the scheduler (/proc/thread-self/sched): what an article costs when a core is free, whatever else the machine runs (${load}); wall time above it, waiting for a core: median ${summarize(waiting.flat()).median.toFixed(1)} ms a read`
            ]
          : []),
        `wall time, the least of ${ROUNDS} reads: ${ms(inThread)}; every read counted: ${ms(everyRun)}`,
        `CPU time of the process over the same reads (process.cpuUsage, V8's collector threads included), least of ${ROUNDS}: ${ms(cpuFigure)}`,
        `the model's own reading (wink's readDoc: tokens, sentences, parts of speech) of the same articles, alone: median ${summarize(modelTimes).median.toFixed(1)} ms wall; the rest is the rules`
      ]
    },
    {
      name: 'attribution-10kb-worker',
      workload: `findAttributionsOffThread, as the hosts call it (the text posted to the finder's worker, the suggestions posted back), on the same ${measured.length} articles: wall time`,
      unit: 'ms',
      ours: offThread,
      notes: [
        `the least of ${ROUNDS} round trips per article, ${ms(offThread)}; every round trip counted: ${ms(everyWorkerRun)}. Wall time, so on a loaded machine it counts the waits for a core (${load}); the goal is on the row above`
      ]
    }
  ]
}

/**
 * The calling thread's time on a core so far, in ms, from the scheduler's own account
 * (Linux's /proc/thread-self/sched, ns precision); undefined where there is none.
 */
function threadOnCoreMs(): number | undefined {
  try {
    const sched = readFileSync('/proc/thread-self/sched', 'latin1')
    const ms = /se\.sum_exec_runtime\s*:\s*([\d.]+)/.exec(sched)?.[1]
    return ms === undefined ? undefined : Number(ms)
  } catch {
    return undefined
  }
}

/**
 * The library pass over a library of news prose (the standard library's size and article
 * lengths, a 500 KB report every 500 articles), through the API's own ClaimSuggestions and
 * the worker, against reading the same articles through the store; then durable saves with
 * the pass running (never stepping aside, the worst case) against the same saves without.
 */
async function measurePass(
  written: WrittenLibrary,
  log: (message: string) => void
): Promise<Row[]> {
  const library = await Library.open(written.dir, 'benchmark')
  try {
    const live = library.listArticles()
    const readBefore = await readArticles(library, live)
    const suggestions = new ClaimSuggestions(library, undefined, { quietAfterEditMs: 0 })
    // The event loop with nothing to do, as long, for what the machine alone costs it.
    const idle = monitorEventLoopDelay({ resolution: 5 })
    idle.enable()
    await new Promise((resolve) => setTimeout(resolve, IDLE_LAG_MS))
    idle.disable()
    const lag = monitorEventLoopDelay({ resolution: 5 })
    lag.enable()
    const passCpu = process.cpuUsage()
    const passStart = performance.now()
    await suggestions.pass.start()
    const end = await untilDone(suggestions)
    const passMs = performance.now() - passStart
    const passCpuUsed = process.cpuUsage(passCpu)
    const passCpuSeconds = (passCpuUsed.user + passCpuUsed.system) / 1e6
    lag.disable()
    const readAfter = await readArticles(library, live)
    const readMs = (readBefore.ms + readAfter.ms) / 2
    if (end.done !== end.total || end.failed > 0)
      throw new Error(`the pass did not read every article: ${JSON.stringify(end)}`)
    log(`pass: ${live.length} articles in ${(passMs / 1000).toFixed(1)} s`)
    await library.close()

    // Saves: the pass starts again from nothing, and runs in every other block of saves.
    await rm(join(written.dir, SUGGESTION_CACHE_FILE))
    const reopened = await Library.open(written.dir, 'benchmark')
    const again = new ClaimSuggestions(reopened, undefined, { quietAfterEditMs: 0 })
    const random = new SeededRandom(BENCH_SEED ^ ATTRIBUTION_STREAM ^ 0x5a7e)
    const during: number[] = []
    const without: number[] = []
    try {
      for (let block = 0; block < SAVE_BLOCKS * 2; block++) {
        const passing = block % 2 === 0
        if (passing) {
          await again.pass.start()
          // Into its stride: the worker busy with an article, the next one read.
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
        for (let n = 0; n < SAVES_PER_BLOCK; n++) {
          const article = random.pick(live)
          const start = random.int(0, Math.max(0, article.textLength - 40))
          const saveStart = performance.now()
          await reopened.createAnnotation({
            articleId: article.id,
            start,
            end: start + 30,
            color: 2
          })
          ;(passing ? during : without).push(performance.now() - saveStart)
        }
        if (passing) await again.pass.stop()
      }
      const stillRunning = (await again.pass.progress()).done
      log(`saves: ${during.length} during the pass (${stillRunning} articles read meanwhile)`)
    } finally {
      await reopened.close()
    }
    const duringFigure = summarize(during, { p95: true })
    const withoutFigure = summarize(without, { p95: true })
    const megabytesPerSecond = readBefore.bytes / 1e6 / (passMs / 1000)
    return [
      {
        name: 'attribution-library-pass',
        workload: `the library pass over ${live.length.toLocaleString('en-US')} articles of news prose (${formatBytes(readBefore.bytes)}; 2–20 KB, a 500 KB report every 500), through ClaimSuggestions and the worker, until every article's suggestions are kept`,
        unit: 'ms',
        ours: summarize([passMs]),
        baseline: summarize([readMs]),
        baselineLabel:
          "Library.article (the store's read of the text) of the same articles, mean of one pass before and one after",
        notes: [
          `throughput ${megabytesPerSecond.toFixed(2)} MB/s, ${((live.length / passMs) * 1000).toFixed(0)} articles/s of wall time; the finder's worker runs at the lowest priority, so on a loaded machine (${loadavg()[0].toFixed(1)} on ${cpus().length} cores) it waits for everything else`,
          `CPU time of the whole process meanwhile: ${passCpuSeconds.toFixed(1)} s, ${(live.length / passCpuSeconds).toFixed(0)} articles per CPU-second (${(readBefore.bytes / 1e6 / passCpuSeconds).toFixed(2)} MB)`,
          `the host's event loop meanwhile (monitorEventLoopDelay): p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, longest ${(lag.max / 1e6).toFixed(1)} ms; the finder's own work is on the worker. The same loop idle for ${IDLE_LAG_MS / 1000} s before the pass: p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms, longest ${(idle.max / 1e6).toFixed(1)} ms`
        ]
      },
      {
        name: 'attribution-save-during-pass',
        workload: `${during.length} durable Library.createAnnotation saves while the pass runs (never stepping aside for them, unlike the app's), in ${SAVE_BLOCKS} blocks alternating with ${without.length} saves while it is stopped`,
        unit: 'ms',
        ours: duringFigure,
        baseline: withoutFigure,
        baselineLabel: 'the same saves with the pass stopped, in the blocks between',
        goal: { maxRatio: 1.5 },
        notes: [
          `p95 ${duringFigure.p95!.toFixed(1)} ms during the pass, ${withoutFigure.p95!.toFixed(1)} ms without; the pass takes no part in the library's write queue, so a save waits only for a share of the cores`
        ]
      }
    ]
  } finally {
    await library.close()
  }
}

async function untilDone(suggestions: ClaimSuggestions) {
  for (;;) {
    const progress = await suggestions.pass.progress()
    if (progress.state === 'done' || progress.state === 'stopped') return progress
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Wall time of reading every article's text through the store, one after another. */
async function readArticles(
  library: Library,
  articles: ArticleMeta[]
): Promise<{ ms: number; bytes: number }> {
  let bytes = 0
  const start = performance.now()
  for (const { id } of articles) bytes += Buffer.byteLength((await library.article(id)).text)
  return { ms: performance.now() - start, bytes }
}

/** The labelled set's paragraphs without their headlines: the prose to compose articles from. */
async function readParagraphs(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort()
  const paragraphs: string[] = []
  for (const file of files) {
    const [, ...body] = (await readFile(join(dir, file), 'utf8')).trim().split('\n\n')
    paragraphs.push(...body)
  }
  return paragraphs
}

const HEADLINE = 'Port Dispute Widens as Talks Resume'

/** A headline, then paragraphs picked by `random` until the text reaches `bytes` of UTF-8. */
function composeArticle(random: SeededRandom, paragraphs: string[], bytes: number) {
  const parts = [HEADLINE]
  let size = Buffer.byteLength(HEADLINE)
  while (size < bytes) {
    const paragraph = random.pick(paragraphs)
    parts.push(paragraph)
    size += Buffer.byteLength(paragraph) + 2
  }
  return { text: parts.join('\n\n'), title: HEADLINE, script: 'latin' as const }
}
