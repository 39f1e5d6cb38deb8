/**
 * Where a keystroke in a long notebook goes, by Chromium's own trace (CDP Tracing):
 * `node bin/run-ts.js bench/probes/notebookTraceProbe.ts [WORDS] [KEYS]`. Builds a library
 * with one notebook of WORDS words (50,000 by default) in a temp folder, serves it as the
 * bench does, types KEYS keys (30) in the middle of it while tracing, and prints the
 * renderer main thread's time per key by trace event (inclusive), the longest first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { Library } from '../../src/core/store/Library'
import { CHROMIUM_PATH } from '../harness/runScenario'
import { serveLibrary } from '../harness/serveLibrary'
import { generateNotebookDoc } from '../library/generateNotebookDoc'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED } from '../library/standardLibrary'

const words = Number(process.argv[2] ?? 50_000)
const keys = Number(process.argv[3] ?? 30)
/** Whose built renderer is served: this tree's, or another checkout's (RENDERER_ROOT), to compare. */
const repoRoot = process.env.RENDERER_ROOT ?? resolve(import.meta.dirname, '../..')
const CATEGORIES = [
  'blink',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'input',
  'toplevel',
  'v8',
  'blink.user_timing'
]

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tid: number
  pid: number
  ts: number
  args?: { name?: string }
}

interface Profile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    children?: number[]
  }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self and total time by function, from a V8 CPU profile, per key. */
function printProfile(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const label = (nodeId: number): string => {
      const frame = byId.get(nodeId)!.callFrame
      return `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
    }
    self.set(label(id), (self.get(label(id)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + ms)
    }
  })
  const top = (map: Map<string, number>, title: string): void => {
    console.log(title)
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 40))
      console.log(`${(ms / keys).toFixed(2).padStart(8)} ms/key  ${name}`)
  }
  top(self, '--- JS self time')
  top(total, '--- JS total time')
}

const workDir = await mkdtemp(join(tmpdir(), 'notebook-trace-'))
try {
  const dir = join(workDir, 'library')
  const library = await Library.open(dir, 'benchmark')
  const meta = await library.createNotebook('Traced')
  await library.saveNotebook(meta.id, generateNotebookDoc(new SeededRandom(BENCH_SEED), words))
  await library.close()
  const served = await serveLibrary(repoRoot, dir, () => ({
    saveWorkspace: async () => undefined
  }))
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
  })
  try {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 950 },
      bypassCSP: true
    })
    const page = await context.newPage()
    await page.goto(served.host.url)
    await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
    await page.getByRole('button', { name: /^Traced/ }).click()
    const editor = page.getByRole('textbox', { name: 'Notebook Traced' })
    await editor.waitFor({ timeout: 120_000 })
    const paragraphs = editor.locator(':scope > p')
    const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2))
    await middle.scrollIntoViewIfNeeded()
    await middle.click()
    await page.keyboard.press('End')
    // An experiment's CSS, e.g. STYLE='.note-prose > * { content-visibility: auto }'.
    if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE })
    await page.waitForTimeout(1000)
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT })
    // A save first, so that the one after the keys is a later save, as most are.
    await page.keyboard.type('x')
    await page.waitForTimeout(1500)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    if (process.env.PROFILE) await cdp.send('Profiler.start')
    await browser.startTracing(page, { categories: CATEGORIES })
    const started = Date.now()
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type('abcdefghij'[i % 10]!)
      await page.evaluate(
        () =>
          new Promise<void>((done) =>
            (
              globalThis as unknown as { requestAnimationFrame(callback: () => void): void }
            ).requestAnimationFrame(() => setTimeout(done))
          )
      )
    }
    const wall = Date.now() - started
    // Then the autosave, half a second after the last key: its longest task is printed.
    await page.waitForTimeout(1500)
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[]
    }
    const { profile } = process.env.PROFILE
      ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile })
      : { profile: undefined }
    const events = trace.traceEvents
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    const onMain = events.filter(
      (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur
    )
    // Trace timestamps are microseconds of the same monotonic clock; only their order is used.
    const lastKey = onMain
      .filter((e) => e.name === 'EventDispatch')
      .reduce((latest, e) => Math.max(latest, e.ts), 0)
    const saveTask = onMain
      .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts > lastKey + 300_000)
      .reduce((longest, e) => Math.max(longest, e.dur! / 1000), 0)
    // The keys' own work: up to a tenth of a second after the last one.
    const typing = onMain.filter((e) => e.ts <= lastKey + 100_000)
    const totals = new Map<string, { ms: number; count: number }>()
    for (const event of typing) {
      const entry = totals.get(event.name) ?? { ms: 0, count: 0 }
      entry.ms += event.dur! / 1000
      entry.count++
      totals.set(event.name, entry)
    }
    // Self time: each event's duration less that of the events nested in it.
    const selfTimes = new Map<string, number>()
    const sorted = [...typing].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    const stack: { event: TraceEvent; child: number }[] = []
    const close = (upTo: number): void => {
      while (
        stack.length &&
        stack[stack.length - 1]!.event.ts + stack[stack.length - 1]!.event.dur! <= upTo
      ) {
        const { event, child } = stack.pop()!
        selfTimes.set(event.name, (selfTimes.get(event.name) ?? 0) + (event.dur! - child) / 1000)
        if (stack.length) stack[stack.length - 1]!.child += event.dur!
      }
    }
    for (const event of sorted) {
      close(event.ts)
      stack.push({ event, child: 0 })
    }
    close(Infinity)
    const busy = typing
      .filter((e) => e.name === 'ThreadControllerImpl::RunTask')
      .reduce((sum, e) => sum + e.dur! / 1000, 0)
    console.log(
      `${words} words, ${keys} keys, ${(wall / keys).toFixed(1)} ms wall a key; main thread tasks ${(busy / keys).toFixed(1)} ms a key`
    )
    for (const [name, { ms, count }] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 45))
      console.log(
        `${(ms / keys).toFixed(2).padStart(8)} ms/key ${String(count).padStart(6)}×  ${name}`
      )
    console.log(`longest task in the autosave after the last key: ${saveTask.toFixed(1)} ms`)
    console.log('--- self time by trace event')
    for (const [name, ms] of [...selfTimes].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`${(ms / keys).toFixed(2).padStart(8)} ms/key  ${name}`)
    if (profile) printProfile(profile)
  } finally {
    await browser.close()
    await served.close()
  }
} finally {
  await rm(workDir, { recursive: true, force: true })
}
