import { cp, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { IntervalHistogram } from 'node:perf_hooks'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { ApiHandlers } from '../../src/shared/api'
import { formatCount } from '../../src/shared/formatCount'
import { importPathSources } from '../../src/core/import/importPathSources'
import { Library } from '../../src/core/store/Library'
import { defineScenario } from '../harness/defineScenario'
import type { Handover } from '../harness/fileHandover'
import { controlHandover } from '../harness/fileHandover'
import { formatBytes } from '../harness/formatBytes'
import { launchChromium } from '../harness/launchChromium'
import type { Browser } from '@playwright/test'
import type { Figure } from '../harness/Scenario'
import type { ServedLibrary } from '../harness/serveLibrary'
import { serveLibrary } from '../harness/serveLibrary'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'
import { writeImportFolder } from '../library/writeImportFolder'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const FILES = 1000
const FILE_BYTES = 5 * 1024
/** The bound: no main-process or renderer task over 100 ms while 1,000 files import. */
const TASK_LIMIT_MS = 100
/** Chromium reports a task as long from 50 ms on; shorter ones are never seen. */
const LONG_TASK_MS = 50
const EVENT_LOOP_RESOLUTION_MS = 10
const VIEWPORT = { width: 1280, height: 800 }
const IMPORT_TIMEOUT_MS = 600_000

interface State {
  library: WrittenLibrary
  folder: { dir: string; count: number; totalBytes: number }
  /** A byte-identical copy of the library, for the core-only import. */
  baselineDir: string
  served: ServedLibrary
  /** An empty library, served: the same import with nothing in the table. */
  empty: ServedLibrary
  /** Each host handler call during the UI import, from its start until it settled. */
  calls: HandlerCall[]
}

/** Host times in ms on `performance.now()`. */
interface HandlerCall {
  method: string
  start: number
  end?: number
}

/** One event-loop block seen by a 10 ms timer: the loop was stuck from `start` to `end`. */
interface Block {
  start: number
  end: number
}

/** The page's long tasks and API responses, in ms on the page's clock. */
interface PageRecord {
  tasks: { start: number; duration: number }[]
  responses: { method: string; start: number; end: number; bytes: number }[]
}

/** The few page globals the in-page code touches; the node tsconfig has no DOM types. */
interface InPage {
  performance: {
    now(): number
    setResourceTimingBufferSize(size: number): void
    getEntriesByType(
      type: string
    ): { name: string; startTime: number; responseEnd: number; decodedBodySize: number }[]
  }
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void
  ) => { observe(options: object): void }
  requestAnimationFrame(callback: () => void): number
  setTimeout(callback: () => void, ms: number): number
  dossierLongTasks?: PageRecord['tasks']
  /** When the review dialog's title read "Import finished", on the page's clock. */
  dossierImportFinished?: number
  document: {
    getElementById(id: string): { textContent: string | null } | null
  }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: object): void
  }
}

/**
 * The responsiveness bound while 1,000 files import through the real renderer: the
 * longest task in the page and the longest event-loop block in the host that runs the core,
 * and the import's wall time against the core importing the same files on its own.
 */
export default defineScenario<State>({
  name: 'import-responsiveness',
  description:
    'longest renderer task and host event-loop block while the UI imports 1,000 ~5 KB files into the big library, in Chromium; and its wall time vs the core alone',
  needsChromium: true,

  async setup(context) {
    const library = await writeLibrary(
      join(context.workDir, 'library'),
      standardLibrary(context.scale)
    )
    const baselineDir = join(context.workDir, 'baseline')
    await cp(library.dir, baselineDir, { recursive: true })
    const folder = await writeImportFolder(join(context.workDir, 'downloads'), {
      seed: BENCH_SEED,
      count: Math.round(FILES * context.scale),
      bytes: FILE_BYTES
    })
    const calls: HandlerCall[] = []
    const served = await serveLibrary(context.repoRoot, library.dir, (handlers) =>
      recordCalls(handlers, ['importFiles', 'listArticleWindow', 'listArticles'], calls)
    )
    const empty = await serveLibrary(context.repoRoot, join(context.workDir, 'empty'))
    return { library, folder, baselineDir, served, empty, calls }
  },

  async measure(state, context) {
    const { folder } = state
    const paths = (await readdir(folder.dir)).sort().map((name) => join(folder.dir, name))

    const core = await Library.open(state.baselineDir, 'benchmark')
    let coreImported = 0
    const coreMs = await timeAsync(async () => {
      const outcomes = await importPathSources(core, [folder.dir])
      coreImported = outcomes.filter((outcome) => outcome.status === 'imported').length
    })
    await core.close()
    if (coreImported !== folder.count)
      throw new Error(`the core imported ${coreImported} of ${folder.count} files`)
    context.log(`core alone: ${coreMs.toFixed(0)} ms`)

    const before = state.served.library.listArticles().length
    const browser = await launchChromium(context)
    let ui: {
      wallMs: number
      page: PageRecord
      eventLoop: IntervalHistogram
      blocks: Block[]
      mainThread: Map<string, number>
    }
    let handovers: {
      files: Handover
      touched: Handover
      directory: Handover
      empty: EmptyImport
    }
    try {
      const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
      await page.addInitScript(watchLongTasks)
      await page.goto(state.served.host.url)
      // The library is in once the table counts all its articles (it fetches only the page
      // of rows in view).
      await page
        .getByText(formatCount(before, 'article'), { exact: true })
        .waitFor({ timeout: IMPORT_TIMEOUT_MS })
      await page.evaluate(settle)
      // Chromium's own counters of the renderer's main thread, in seconds since the start.
      const devtools = await page.context().newCDPSession(page)
      await devtools.send('Performance.enable')
      const mainThread = async (): Promise<Map<string, number>> =>
        new Map(
          (await devtools.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])
        )
      // Found now, not in the window: Playwright's role queries walk all ~80,000 nodes.
      const importButton = await page.getByRole('button', { name: 'Import…' }).elementHandle()
      const busyBefore = await mainThread()
      state.calls.length = 0
      const since = await page.evaluate(() => (globalThis as unknown as InPage).performance.now())
      const eventLoop = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS })
      eventLoop.enable()
      const blocks = watchBlocks()
      const chooser = page.waitForEvent('filechooser')
      await importButton!.click()
      // The chooser's setFiles is setInputFiles on the page's input[type=file].
      await (await chooser).setFiles(paths)
      // The init script's observer notes the dialog; polling a global costs the page nothing.
      await page.waitForFunction(
        () => (globalThis as unknown as InPage).dossierImportFinished !== undefined,
        undefined,
        { timeout: IMPORT_TIMEOUT_MS, polling: 100 }
      )
      eventLoop.disable()
      const blocked = blocks.stop()
      const busyAfter = await mainThread()
      const until = await page.evaluate(
        () => (globalThis as unknown as InPage).dossierImportFinished!
      )
      const wallMs = until - since
      await page.getByRole('dialog', { name: 'Import finished' }).waitFor({ timeout: 10_000 })
      await page.evaluate(settle)
      ui = {
        wallMs,
        eventLoop,
        blocks: blocked,
        mainThread: new Map(
          [...busyAfter].map(([name, value]) => [name, value - (busyBefore.get(name) ?? 0)])
        ),
        page: await page.evaluate(collect, { since, until })
      }
      // The controls and the empty library after the big one, in the same browser.
      handovers = {
        files: await controlHandover(browser, { files: paths }),
        touched: await controlHandover(browser, { files: paths, touched: true }),
        directory: await controlHandover(browser, { directory: folder.dir }),
        empty: await importIntoEmpty(browser, state.empty.host.url, paths)
      }
    } finally {
      await browser.close()
    }
    const listed = state.served.library.listArticles()
    if (listed.length - before !== folder.count)
      throw new Error(`the UI imported ${listed.length - before} of ${folder.count} files`)
    const answer = JSON.stringify({ ok: true, value: listed })
    const listMs = medianOf5(() => state.served.library.listArticles())
    const stringifyMs = medianOf5(() => JSON.stringify({ ok: true, value: listed }))
    context.log(`UI: ${ui.wallMs.toFixed(0)} ms`)

    const tasks = ui.page.tasks
    const longest = Math.max(0, ...tasks.map((task) => task.duration))
    const handed = longestBeforeImport(ui.page)
    const eventLoopMax = ui.eventLoop.max / 1e6
    const batches = ui.page.responses.filter((r) => r.method === 'importFiles').length
    const workload = `${folder.count.toLocaleString('en-US')} files of ~5 KB (${formatBytes(folder.totalBytes)}) picked with "Import…" into ${describeLibrary(state.library.spec)}, in ${batches} importFiles calls; ${VIEWPORT.width}×${VIEWPORT.height}`
    const limit: Figure = { median: TASK_LIMIT_MS, samples: 1 }
    const limitLabel = `the issue's limit of ${TASK_LIMIT_MS} ms per task`
    const absolute = `an absolute bound: baseline is the issue's ${TASK_LIMIT_MS} ms, so the ratio is the figure in tenths of a second and ≤ 1× means under ${TASK_LIMIT_MS} ms`
    return [
      {
        name: 'import-ui-longest-task',
        workload,
        unit: 'ms',
        ours: summarize([longest]),
        baseline: limit,
        baselineLabel: limitLabel,
        goal: { maxRatio: 1 },
        notes: [
          absolute,
          tasks.length === 0
            ? `no long task fired: every task was under ${LONG_TASK_MS} ms, so the figure shown is 0`
            : `${tasks.length} long tasks (over ${LONG_TASK_MS} ms) between the click and the review dialog, ${tasks.filter((task) => task.duration > TASK_LIMIT_MS).length} of them over ${TASK_LIMIT_MS} ms, ${Math.round(tasks.reduce((sum, task) => sum + task.duration, 0))} ms in all`,
          ...describeTasks(ui.page),
          `the longest task before the first importFiles request (the files handed over, their list read, the first batch planned and read): ${handed.toFixed(0)} ms; the same files set on a page that is only an <input type=file>: ${handovers.files.longestMs.toFixed(0)} ms without a handler, ${handovers.touched.longestMs.toFixed(0)} ms with one that only copies the list (see import-ui-file-handover)`
        ]
      },
      {
        name: 'import-ui-longest-task-empty',
        workload: workload.replace(describeLibrary(state.library.spec), 'an empty library'),
        unit: 'ms',
        ours: summarize([handovers.empty.longestMs]),
        notes: [
          `report only: the same import into an empty library, in the same browser after the big one; the longest task before the first importFiles request ${handovers.empty.beforeImportMs.toFixed(0)} ms`,
          `${handovers.empty.tasks} long tasks, ${Math.round(handovers.empty.totalMs)} ms in all; wall time ${handovers.empty.wallMs.toFixed(0)} ms`
        ]
      },
      {
        name: 'import-ui-file-handover',
        workload: `the same ${folder.count.toLocaleString('en-US')} files set on a page that is nothing but an <input type=file multiple> with no handler (setInputFiles, as the chooser does)`,
        unit: 'ms',
        ours: summarize([handovers.files.longestMs]),
        notes: [
          'report only, the control of import-ui-longest-task: no page code runs, so this is what Chromium spends setting the files on the input',
          `${handovers.files.tasks} long tasks, ${Math.round(handovers.files.totalMs)} ms in all`,
          `the same page with a change handler that only copies the list ([...input.files]): longest task ${handovers.touched.longestMs.toFixed(0)} ms, ${handovers.touched.tasks} long tasks; the cost is paid when a script first reads the list, not when the files are set`,
          `their folder picked by an <input type=file webkitdirectory> instead (directory picking): longest task ${handovers.directory.longestMs.toFixed(0)} ms, ${handovers.directory.tasks} long tasks`
        ]
      },
      {
        name: 'import-ui-event-loop',
        workload,
        unit: 'ms',
        ours: summarize([eventLoopMax]),
        baseline: limit,
        baselineLabel: limitLabel,
        goal: { maxRatio: 1 },
        notes: [
          absolute,
          `figure: max of monitorEventLoopDelay({ resolution: ${EVENT_LOOP_RESOLUTION_MS} }) in the web host's process from the click to the dialog; it counts the ${EVENT_LOOP_RESOLUTION_MS} ms timer interval in, so a block is about ${EVENT_LOOP_RESOLUTION_MS} ms less. The process also runs Playwright's client`,
          `event-loop delay p50 ${(ui.eventLoop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(ui.eventLoop.percentile(99) / 1e6).toFixed(1)} ms`,
          ...describeBlocks(ui.blocks, state.calls),
          `what the page no longer asks for: one listArticles after the import, median of 5: the store's filter and sort ${listMs.toFixed(0)} ms, JSON.stringify of the answer as the host sends it (${formatBytes(Buffer.byteLength(answer))}, ${listed.length.toLocaleString('en-US')} articles) ${stringifyMs.toFixed(0)} ms`
        ]
      },
      {
        name: 'import-ui-total',
        workload,
        unit: 'ms',
        ours: summarize([ui.wallMs]),
        baseline: summarize([coreMs]),
        baselineLabel: `importPathSources on the same folder into a copy of the same library, in this process`,
        goal: { maxRatio: 2 },
        notes: [
          'figure: just before the click on "Import…" to the mutation that put the "Import finished" dialog in the DOM, on the page\'s clock; the core imports in batches of up to 500 files, the UI in calls of up to 100; after each, the library table asks for its counts and the page of rows in view (listArticleWindow, a few kB), never the whole list',
          ...describeResponses(ui.page),
          describeGaps(ui.page),
          describeMainThread(ui.mainThread)
        ]
      }
    ]
  },

  async teardown(state) {
    await state.empty.close()
    await state.served.close()
  }
})

/** Wraps handlers to record when each call started and settled. */
function recordCalls(
  handlers: ApiHandlers,
  methods: (keyof ApiHandlers)[],
  into: HandlerCall[]
): Partial<ApiHandlers> {
  const recorded: Record<string, unknown> = {}
  for (const method of methods) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    recorded[method] = (input: unknown): Promise<unknown> => {
      const call: HandlerCall = { method, start: performance.now() }
      into.push(call)
      return handler(input).finally(() => (call.end = performance.now()))
    }
  }
  return recorded as Partial<ApiHandlers>
}

/** Every gap of a 10 ms interval timer over the long-task threshold, until `stop`. */
function watchBlocks(): { stop(): Block[] } {
  const blocks: Block[] = []
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - last - EVENT_LOOP_RESOLUTION_MS >= LONG_TASK_MS)
      blocks.push({ start: last, end: now })
    last = now
  }, EVENT_LOOP_RESOLUTION_MS)
  return {
    stop: () => {
      clearInterval(timer)
      return blocks
    }
  }
}

/**
 * What the host was doing in each block. The web host parses and validates a request's
 * body just before its handler starts and serialises the answer just after it settles, so
 * a call starting in a block had its request read there, one settling had its answer sent.
 */
function describeBlocks(blocks: Block[], calls: HandlerCall[]): string[] {
  if (blocks.length === 0) return [`no block of ${LONG_TASK_MS} ms or more`]
  const byCause = new Map<string, number[]>()
  for (const block of blocks) {
    const events = calls.flatMap((call) => {
      if (call.start >= block.start && call.start <= block.end + 1)
        return [`a ${call.method} request read`]
      if (call.end !== undefined && call.end >= block.start && call.end <= block.end)
        return [`${call.method} answered`]
      return call.start < block.start && (call.end ?? Infinity) > block.end
        ? [`inside ${call.method}`]
        : []
    })
    const cause = events.length === 0 ? 'outside any call' : [...new Set(events)].sort().join(', ')
    byCause.set(cause, [
      ...(byCause.get(cause) ?? []),
      block.end - block.start - EVENT_LOOP_RESOLUTION_MS
    ])
  }
  return [
    `host blocks of ${LONG_TASK_MS} ms or more (a 10 ms interval timer's gaps, less its interval), by what the host was doing:`,
    ...[...byCause].map(
      ([cause, durations]) =>
        `${cause}: ${durations.length}, longest ${Math.max(...durations).toFixed(0)} ms, median ${summarize(durations).median.toFixed(0)} ms`
    )
  ]
}

/** Median wall time of five runs of a synchronous action. */
function medianOf5(action: () => unknown): number {
  return summarize(
    Array.from({ length: 5 }, () => {
      const start = performance.now()
      action()
      return performance.now() - start
    })
  ).median
}

/** How much of the import the renderer's main thread was busy, and with what. */
function describeMainThread(seconds: Map<string, number>): string {
  const ms = (name: string): string => `${Math.round((seconds.get(name) ?? 0) * 1000)} ms`
  const count = (name: string): string => (seconds.get(name) ?? 0).toLocaleString('en-US')
  return `the renderer's main thread ran tasks for ${ms('TaskDuration')} of wall time but ${ms('ThreadTime')} of CPU (Chromium's counters; the rest is waiting for a core): script ${ms('ScriptDuration')}, style ${ms('RecalcStyleDuration')} (${count('RecalcStyleCount')} times), layout ${ms('LayoutDuration')} (${count('LayoutCount')} times), other ${ms('TaskOtherDuration')}`
}

/** The page's own time per batch: from one importFiles answer to the next request. */
function describeGaps(record: PageRecord): string {
  const imports = record.responses.filter((r) => r.method === 'importFiles')
  const gaps = imports.slice(1).map((r, i) => r.start - imports[i].end)
  if (gaps.length === 0) return 'one importFiles call only'
  return `between one importFiles answer and the next request (the page reads and encodes the next batch, re-renders, refreshes the list): median ${summarize(gaps).median.toFixed(0)} ms, ${Math.round(gaps.reduce((sum, gap) => sum + gap, 0))} ms in all`
}

/** Which API response each long task followed: the page's work on that answer. */
function describeTasks(record: PageRecord): string[] {
  const byCause = new Map<string, number[]>()
  for (const task of record.tasks) {
    const previous = record.responses
      .filter((response) => response.end <= task.start)
      .sort((a, b) => b.end - a.end)[0]
    const cause = previous ? `after a ${previous.method} answer` : 'before any answer'
    byCause.set(cause, [...(byCause.get(cause) ?? []), task.duration])
  }
  return [...byCause].map(
    ([cause, durations]) =>
      `${cause}: ${durations.length} long tasks, longest ${Math.max(...durations).toFixed(0)} ms, median ${summarize(durations).median.toFixed(0)} ms`
  )
}

function describeResponses(record: PageRecord): string[] {
  const byMethod = new Map<string, PageRecord['responses']>()
  for (const response of record.responses)
    byMethod.set(response.method, [...(byMethod.get(response.method) ?? []), response])
  return [...byMethod].map(
    ([method, responses]) =>
      `${method}: ${responses.length} calls, median ${summarize(responses.map((r) => r.end - r.start)).median.toFixed(0)} ms request to response end (${Math.round(responses.reduce((sum, r) => sum + r.end - r.start, 0))} ms in all), median answer ${formatBytes(summarize(responses.map((r) => r.bytes)).median)}`
  )
}

/**
 * Runs in the page before its scripts: records every long task from the start, so none is
 * missed, and when the review dialog appears, without Playwright polling the page for it. No named inner functions: tsx would wrap them in a helper the page does not have.
 */
const watchLongTasks = (): void => {
  const page = globalThis as unknown as InPage
  const tasks: PageRecord['tasks'] = []
  page.dossierLongTasks = tasks
  // The default buffer of 250 entries would drop the last API calls of a long import.
  page.performance.setResourceTimingBufferSize(100_000)
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  // An id lookup per mutation batch: cheap even while React rewrites 10,000 rows.
  const finished = new page.MutationObserver(() => {
    if (page.dossierImportFinished !== undefined) return
    if (page.document.getElementById('import-review-title')?.textContent === 'Import finished')
      page.dossierImportFinished = page.performance.now()
  })
  finished.observe(page.document, { childList: true, subtree: true })
}

/** Runs in the page: two frames and a pause, so pending work and its long tasks are in. */
const settle = (): Promise<void> => {
  const page = globalThis as unknown as InPage
  return new Promise((resolve) =>
    page.requestAnimationFrame(() =>
      page.requestAnimationFrame(() => page.setTimeout(() => resolve(), 500))
    )
  )
}

/** Runs in the page: the long tasks and API responses of the import window. */
const collect = ({ since, until }: { since: number; until: number }): PageRecord => {
  const page = globalThis as unknown as InPage
  return {
    tasks: (page.dossierLongTasks ?? []).filter((t) => t.start >= since && t.start <= until),
    responses: page.performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') && e.startTime >= since && e.startTime <= until)
      .map((e) => ({
        method: e.name.split('/api/')[1],
        start: e.startTime,
        end: e.responseEnd,
        bytes: e.decodedBodySize
      }))
  }
}

interface EmptyImport extends Handover {
  /** The longest task before the page's first importFiles request. */
  beforeImportMs: number
  wallMs: number
}

/** The same import through the real renderer into an empty library. */
async function importIntoEmpty(
  browser: Browser,
  url: string,
  paths: string[]
): Promise<EmptyImport> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
  try {
    await page.addInitScript(watchLongTasks)
    await page.goto(url)
    const importButton = page.getByRole('button', { name: 'Import…' })
    await importButton.waitFor({ timeout: IMPORT_TIMEOUT_MS })
    await page.evaluate(settle)
    const since = await page.evaluate(() => (globalThis as unknown as InPage).performance.now())
    const chooser = page.waitForEvent('filechooser')
    await importButton.click()
    await (await chooser).setFiles(paths)
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).dossierImportFinished !== undefined,
      undefined,
      { timeout: IMPORT_TIMEOUT_MS, polling: 100 }
    )
    const until = await page.evaluate(
      () => (globalThis as unknown as InPage).dossierImportFinished!
    )
    await page.evaluate(settle)
    const record = await page.evaluate(collect, { since, until })
    return {
      longestMs: Math.max(0, ...record.tasks.map((task) => task.duration)),
      tasks: record.tasks.length,
      totalMs: record.tasks.reduce((sum, task) => sum + task.duration, 0),
      beforeImportMs: longestBeforeImport(record),
      wallMs: until - since
    }
  } finally {
    await page.context().close()
  }
}

/** The longest task that started before the page's first importFiles request. */
function longestBeforeImport(record: PageRecord): number {
  const first = Math.min(
    ...record.responses.filter((r) => r.method === 'importFiles').map((r) => r.start)
  )
  return Math.max(0, ...record.tasks.filter((t) => t.start < first).map((t) => t.duration))
}
