import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { claimBoardRows } from '../../src/shared/claimBoardRows'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { launchChromium } from '../harness/launchChromium'
import type { Figure } from '../harness/Scenario'
import type { ServedLibrary } from '../harness/serveLibrary'
import { serveLibrary } from '../harness/serveLibrary'
import { summarize } from '../harness/summarize'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenClaims } from '../library/writeClaims'
import { writeClaims } from '../library/writeClaims'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const FULL_CLAIMS = 50_000
const FULL_SOURCES = 600
const LINKED_SHARE = 0.2
/** Fresh pages, each opening the board once; one more first, unmeasured, warms caches. */
const FULL_PAGES = 5
const QUICK_PAGES = 3
/** The bound for one keystroke in the board's filter: a frame at 60 Hz. */
const KEYSTROKE_LIMIT_MS = 16
const VIEWPORT = { width: 1600, height: 950 }
const LOAD_TIMEOUT_MS = 300_000
/** What is typed into the filter, then backspaced, each character one sample. */
const NO_MATCH = 'qzxj'

interface State {
  library: WrittenLibrary
  claims: WrittenClaims
  served: ServedLibrary
  pages: number
  /** Words of the claims themselves, so the filter finds something. */
  queries: string[]
  /**
   * The baseline's bytes: the board's claims as the store keeps them (their records in the
   * claims index), whatever shape the board's answer takes.
   */
  claimsText: string
}

/** Where the page fetches `claimsText` from (same origin, so the page's CSP allows it). */
const CLAIMS_PATH = '/__bench/claims.json'

/** What one fresh page reports, in ms on its own clock. */
interface FirstRows {
  /** Click on "Claims board" to the frame after the board, rows in, was shown. */
  shown: number
  /** The board's own fetch in idle time after start: request start to rows in the DOM. */
  cold: number
  /** That fetch's request start to response end. */
  coldResponse: number
  /** Of the claims' records (the baseline's text). */
  bytes: number
  /** Of the board's answer. */
  answerBytes: number
  /** Median JSON.parse of the claims' records, in the same page. */
  parse: number
  rows: number
}

interface Keystroke {
  /** Input event to the board's DOM updated and laid out. */
  handled: number
  /** Of which the scripts: input event to React's render and commit done, before layout. */
  script: number
  /** Input event to the next frame. */
  frame: number
  /**
   * Input event to the count of the claims that pass being exact: the board draws the
   * first rows found and counts the rest in idle time. Unset when the next key came first.
   */
  counted?: number
  /** Whether the board had finished its search index in idle time (before this key). */
  indexed: boolean
}

/** The few page globals the in-page code touches; the node tsconfig has no DOM types. */
interface InPage {
  performance: {
    now(): number
    getEntriesByType(
      type: string
    ): { name: string; startTime: number; requestStart: number; responseEnd: number }[]
    getEntriesByName(name: string): unknown[]
  }
  document: {
    querySelector(selector: string): InPageElement | null
  }
  addEventListener(
    type: string,
    listener: (event: { target: unknown }) => void,
    capture?: boolean
  ): void
  sessionStorage: { getItem(key: string): string | null }
  fetch(url: string, init: object): Promise<{ text(): Promise<string> }>
  MutationObserver: new (
    callback: (records: unknown[], observer: { disconnect(): void }) => void
  ) => {
    observe(target: unknown, options: object): void
  }
  requestAnimationFrame(callback: () => void): number
  setTimeout(callback: () => void, ms?: number): number
  dossierBoard?: { clicked?: number; shown?: number; ready?: number; rows?: number }
  dossierKeys?: Keystroke[]
}

interface InPageElement {
  getAttribute(name: string): string | null
  classList: { contains(name: string): boolean }
  querySelector(selector: string): InPageElement | null
  readonly offsetHeight: number
  readonly textContent: string | null
}

/**
 * The claims board over 50,000 claims in 10,000 articles, in the real renderer served by
 * the web host: from the click on "Claims board" to the first rows painted, against
 * JSON.parse of the same listClaimBoard answer in the same page; and each keystroke typed
 * into the board's filter, against the 16 ms of a frame.
 */
export default defineScenario<State>({
  name: 'claims-board',
  description:
    'claims board over 50,000 claims in 10,000 articles, in Chromium: first rows shown vs JSON.parse of the claims, and each filter keystroke vs 16 ms',
  needsChromium: true,

  async setup(context) {
    const library = await writeLibrary(
      join(context.workDir, 'library'),
      standardLibrary(context.scale)
    )
    const claims = await writeClaims(
      library,
      {
        seed: BENCH_SEED,
        claims: Math.round(FULL_CLAIMS * context.scale),
        sources: Math.max(20, Math.round(FULL_SOURCES * context.scale)),
        linkedShare: LINKED_SHARE
      },
      context.workDir
    )
    context.log(
      `${claims.claims.toLocaleString('en-US')} claims, ${claims.links.toLocaleString('en-US')} links, ${claims.sources} sources`
    )
    // The page saves its own layout; dropping those saves keeps the pages alike.
    const served = await serveLibrary(context.repoRoot, library.dir, () => ({
      saveWorkspace: async () => undefined
    }))
    const board = claimBoardRows(await served.handlers.listClaimBoard({}))
    const words = board
      .slice(0, 200)
      .flatMap((row) => row.exact.split(/\s+/))
      .filter((word) => /^\p{Script=Latin}{6,12}$/u.test(word))
    const queries = [words[3], words[40], board[7]?.sourceName?.split(' ')[0], NO_MATCH]
      .filter((q): q is string => q !== undefined)
      .map((q) => q.toLowerCase())
    const onBoard = new Set(board.map((row) => row.id))
    const stored = JSON.parse(await readFile(join(library.dir, 'claims-index.json'), 'utf8')) as {
      claims: { id: string }[]
    }
    const claimsText = JSON.stringify(stored.claims.filter((claim) => onBoard.has(claim.id)))
    return {
      library,
      claims,
      served,
      pages: context.scale < 1 ? QUICK_PAGES : FULL_PAGES,
      queries,
      claimsText
    }
  },

  async measure(state, context) {
    const browser = await launchChromium(context)
    const firsts: FirstRows[] = []
    const keys: Keystroke[] = []
    try {
      for (let round = -1; round < state.pages; round++) {
        const sample = await openBoard(browser, state)
        if (round < 0) continue
        firsts.push(sample.first)
        keys.push(...sample.keys)
        context.log(
          `page ${round + 1}/${state.pages}: first rows ${sample.first.shown.toFixed(0)} ms, JSON.parse ${sample.first.parse.toFixed(0)} ms`
        )
      }
    } finally {
      await browser.close()
    }

    const median = (values: number[]): string => `${summarize(values).median.toFixed(0)} ms`
    const workload = `${describeLibrary(state.library.spec)}, ${state.claims.claims.toLocaleString('en-US')} claims (${state.claims.links.toLocaleString('en-US')} links, ${state.claims.sources} sources); ${VIEWPORT.width}×${VIEWPORT.height}`
    const handled = keys.map((k) => k.handled)
    const scripts = keys.map((k) => k.script)
    const layouts = keys.map((k) => k.handled - k.script)
    const early = keys.filter((k) => !k.indexed).map((k) => k.handled)
    const counted = keys.flatMap((k) => (k.counted === undefined ? [] : [k.counted]))
    const p95 = summarize(handled, { p95: true }).p95!
    const limit: Figure = { median: KEYSTROKE_LIMIT_MS, samples: 1 }
    const typed = state.queries.map((q) => `"${q}"`).join(', ')
    return [
      {
        name: 'claims-board-first-rows',
        workload: `${workload}; ${state.pages} fresh pages`,
        unit: 'ms',
        ours: summarize(firsts.map((f) => f.shown)),
        baseline: summarize(firsts.map((f) => f.parse)),
        baselineLabel: `JSON.parse in the page of the claims' bytes: the board's ${firsts[0]!.rows.toLocaleString('en-US')} claims as their records in the claims index (${formatBytes(firsts[0]!.bytes)}), median of 5 per page`,
        goal: { maxRatio: 2 },
        notes: [
          'figure: the click on "Claims board" to the frame after the board is shown with its first rows, on a page that has not shown the board before. The board fetched its claims once the page was idle after start (the next row); shown, it fetches them again only if something changed since',
          `${firsts[0]!.rows.toLocaleString('en-US')} rows listed; the board's answer (listClaimBoard) is ${formatBytes(firsts[0]!.answerBytes)}`
        ]
      },
      {
        name: 'claims-board-cold',
        workload: `${workload}; ${state.pages} fresh pages`,
        unit: 'ms',
        ours: summarize(firsts.map((f) => f.cold)),
        baseline: summarize(firsts.map((f) => f.parse)),
        baselineLabel: 'the same JSON.parse',
        notes: [
          "report only: the board's fetch in idle time, from its request start to its rows in the (hidden) board's DOM: the host building and serialising the answer, the transfer, the page's response.json(), indexing and sorting by last change",
          `request start to response end ${median(firsts.map((f) => f.coldResponse))}, so ${median(firsts.map((f) => f.cold - f.coldResponse))} for the page's parse and the board's own work`
        ]
      },
      {
        name: 'claims-board-keystroke',
        workload: `${workload}; ${handled.length} keystrokes: ${typed} typed into the filter, each then backspaced, on ${state.pages} pages`,
        unit: 'ms',
        ours: summarize([p95]),
        baseline: limit,
        baselineLabel: `the issue's limit of ${KEYSTROKE_LIMIT_MS} ms per keystroke`,
        goal: { maxRatio: 1 },
        notes: [
          `figure: the 95th percentile of the keystrokes, each from its input event to the board's rows updated and laid out (forced layout in a listener after React's); an absolute bound: the ratio is the figure in ${KEYSTROKE_LIMIT_MS} ms units`,
          `median ${summarize(handled).median.toFixed(1)} ms, longest ${Math.max(...handled).toFixed(1)} ms; of which scripts (filtering, React's render and commit) median ${summarize(scripts).median.toFixed(1)} ms, p95 ${summarize(scripts, { p95: true }).p95!.toFixed(1)} ms, and style and layout median ${summarize(layouts).median.toFixed(1)} ms, p95 ${summarize(layouts, { p95: true }).p95!.toFixed(1)} ms; to the next frame (which waits for vsync): median ${summarize(keys.map((k) => k.frame)).median.toFixed(1)} ms, p95 ${summarize(
            keys.map((k) => k.frame),
            { p95: true }
          ).p95!.toFixed(1)} ms`,
          `the count of the claims that pass, exact (found in idle time after the first rows are drawn): median ${summarize(counted).median.toFixed(1)} ms, p95 ${summarize(counted, { p95: true }).p95!.toFixed(1)} ms after the keystroke; ${keys.length - counted.length} of ${keys.length} keystrokes came before their count was done`,
          early.length === 0
            ? 'every keystroke came after the board had finished its search index in idle time'
            : `${early.length} keystrokes came before the board had finished its search index in idle time (median ${summarize(early).median.toFixed(1)} ms)`
        ]
      }
    ]
  },

  async teardown(state) {
    await state.served.close()
  }
})

/** One fresh page: open the board, time its first rows, then type into its filter. */
async function openBoard(
  browser: Browser,
  state: State
): Promise<{ first: FirstRows; keys: Keystroke[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.route(`**${CLAIMS_PATH}`, (route) =>
      route.fulfill({ body: state.claimsText, contentType: 'application/json' })
    )
    const page = await context.newPage()
    await page.addInitScript(watchBoard)
    await page.goto(state.served.host.url)
    const articles = state.library.articles.filter((a) => a.deletedAt === undefined).length
    await page
      .getByText(`${articles.toLocaleString('en-US')} articles`, { exact: true })
      .waitFor({ timeout: LOAD_TIMEOUT_MS })
    // The board fetches its claims once the page is idle, before it is first shown.
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).dossierBoard?.ready !== undefined,
      undefined,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 }
    )
    await page.evaluate(settle)
    await page.getByRole('button', { name: 'Claims board' }).click()
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).dossierBoard?.shown !== undefined,
      undefined,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 }
    )
    const first = await page.evaluate(collectFirstRows, CLAIMS_PATH)
    // Showing the board fetches again if anything changed; typing starts once it is in.
    await page.waitForFunction(
      () => {
        const { performance } = globalThis as unknown as InPage
        return (
          performance.getEntriesByName('dossier:claim-board-fetched').length ===
          performance.getEntriesByName('dossier:claim-board-fetching').length
        )
      },
      undefined,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 }
    )
    await page.evaluate(settle)
    const filter = page.getByRole('searchbox', { name: 'Filter claims' })
    await filter.focus()
    await page.evaluate(watchKeystrokes)
    for (const query of state.queries) {
      for (const character of query) await typeOne(page, character)
      for (let n = query.length; n > 0; n--) await typeOne(page, 'Backspace')
    }
    const keys = await page.evaluate(() => (globalThis as unknown as InPage).dossierKeys ?? [])
    return { first, keys }
  } finally {
    await context.close()
  }
}

/** One key, then wait until the page has measured it (and its frame). */
async function typeOne(page: Page, key: string): Promise<void> {
  const before = await page.evaluate(() => (globalThis as unknown as InPage).dossierKeys!.length)
  // type() sends a character no key of the layout makes (é, ß) as text input.
  if (key === 'Backspace') await page.keyboard.press(key)
  else await page.keyboard.type(key)
  await page.waitForFunction(
    (count) => (globalThis as unknown as InPage).dossierKeys!.length > count,
    before,
    { polling: 'raf' }
  )
}

/**
 * Runs in the page before its scripts: notes when the board, still hidden, first holds
 * rows, the click on "Claims board", and the frame after the board is shown with its
 * rows. No named inner functions: tsx would wrap them in a helper the page does not have.
 */
const watchBoard = (): void => {
  const page = globalThis as unknown as InPage
  const board: NonNullable<InPage['dossierBoard']> = {}
  page.dossierBoard = board
  page.addEventListener(
    'click',
    (event) => {
      const target = event.target as InPageElement
      if (board.clicked === undefined && target.textContent === 'Claims board')
        board.clicked = page.performance.now()
    },
    true
  )
  new page.MutationObserver((_records, observer) => {
    const panel = page.document.querySelector('[data-view="board"]')
    const grid = panel?.querySelector('[role="grid"][data-rows]')
    if (!panel || !grid?.querySelector('[role="row"][data-id]')) return
    if (board.ready === undefined) {
      board.ready = page.performance.now()
      board.rows = Number(grid.getAttribute('data-rows'))
    }
    if (board.clicked === undefined || panel.classList.contains('view-behind')) return
    observer.disconnect()
    page.requestAnimationFrame(() => page.setTimeout(() => (board.shown = page.performance.now())))
  }).observe(page.document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class']
  })
}

/** Runs in the page: two frames and a pause, so pending work is done. */
const settle = (): Promise<void> => {
  const page = globalThis as unknown as InPage
  return new Promise((resolve) =>
    page.requestAnimationFrame(() =>
      page.requestAnimationFrame(() => page.setTimeout(() => resolve(), 500))
    )
  )
}

/** Runs in the page: the first rows' timing, and JSON.parse of the claims' records. */
const collectFirstRows = async (claimsPath: string): Promise<FirstRows> => {
  const page = globalThis as unknown as InPage
  const board = page.dossierBoard!
  const prefetch = page.performance
    .getEntriesByType('resource')
    .find((e) => e.name.endsWith('/api/listClaimBoard'))!
  const response = await page.fetch('/api/listClaimBoard', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${page.sessionStorage.getItem('dossier-token')}`,
      'Content-Type': 'application/json'
    },
    body: '{}'
  })
  const answer = await response.text()
  const text = await (await page.fetch(claimsPath, { method: 'GET' })).text()
  const parses: number[] = []
  for (let n = 0; n < 5; n++) {
    const start = page.performance.now()
    JSON.parse(text)
    parses.push(page.performance.now() - start)
  }
  parses.sort((a, b) => a - b)
  return {
    shown: board.shown! - board.clicked!,
    cold: board.ready! - prefetch.requestStart,
    coldResponse: prefetch.responseEnd - prefetch.requestStart,
    bytes: new TextEncoder().encode(text).length,
    answerBytes: new TextEncoder().encode(answer).length,
    parse: parses[2]!,
    rows: board.rows!
  }
}

/**
 * Runs in the page: for each input event on the board's filter, the time until React has
 * rendered (a window listener runs after React's root listener) and layout is done, until
 * the next frame, and until the board's count is exact (its grid has `data-rows` again).
 */
const watchKeystrokes = (): void => {
  const page = globalThis as unknown as InPage
  page.dossierKeys = []
  let start = 0
  /** The last keystroke, while its count is not yet exact. */
  let counting: { key: Keystroke; start: number } | undefined
  const grid = page.document.querySelector('[data-view="board"] [role="grid"]')!
  new page.MutationObserver(() => {
    if (counting === undefined || grid.getAttribute('data-rows') === null) return
    counting.key.counted = page.performance.now() - counting.start
    counting = undefined
  }).observe(grid, { attributes: true, attributeFilter: ['data-rows'] })
  page.addEventListener('input', () => (start = page.performance.now()), true)
  page.addEventListener('input', () => {
    const script = page.performance.now() - start
    // Reading a size forces style and layout now, so they count.
    void grid.offsetHeight
    const handled = page.performance.now() - start
    const indexed = page.performance.getEntriesByName('dossier:claim-board-indexed').length > 0
    const began = start
    const key: Keystroke = { handled, script, frame: 0, indexed }
    if (grid.getAttribute('data-rows') !== null) key.counted = handled
    counting = key.counted === undefined ? { key, start: began } : undefined
    page.requestAnimationFrame(() =>
      page.setTimeout(() => {
        key.frame = page.performance.now() - began
        page.dossierKeys!.push(key)
      })
    )
  })
}
