import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import type { ArticleMeta } from '../../src/shared/article'
import { DEFAULT_COLOR_NAMES } from '../../src/shared/workspace'
import { defineScenario } from '../harness/defineScenario'
import { launchChromium } from '../harness/launchChromium'
import type { ServedLibrary } from '../harness/serveLibrary'
import { serveLibrary } from '../harness/serveLibrary'
import type { Figure } from '../harness/Scenario'
import { summarize } from '../harness/summarize'
import { BENCH_SEED } from '../library/standardLibrary'
import type { HighlightedArticles } from '../library/writeHighlightedArticles'
import { writeHighlightedArticles } from '../library/writeHighlightedArticles'

const FULL_CHARS = 500_000
const FULL_HIGHLIGHTS = 5_000
/** Fresh pages per article; one more pair first, unmeasured, warms the browser's caches. */
const FULL_SAMPLES = 9
const QUICK_SAMPLES = 5
const VIEWPORT = { width: 1280, height: 800 }
/** Pane widths for the relayout rows: all below the 68ch reading column, so text reflows. */
const RELAYOUT_WIDTHS = [600, 520, 560]
const PAINT_TIMEOUT_MS = 180_000
const PANE_ID = 'bench-pane'

interface State {
  served: ServedLibrary
  articles: HighlightedArticles
  highlights: number
  samples: number
}

/** What one fresh page reports, all in ms since its navigation started. */
interface PaintTiming {
  /** The frame after the pane marked its highlights painted: the figure. */
  painted: number
  /** The `dossier:highlights-painted` mark with the expected count. */
  mark: number
  /** The first mark of the pane, before its annotations arrived (text in the DOM). */
  firstMark: number
  /** When the response of each API call ended, by method. */
  api: Record<string, number>
  domContentLoaded: number
}

interface Relayout {
  layout: number
  frame: number
  columnWidth: number
  columnHeight: number
}

/** The few page globals the in-page code touches; the node tsconfig has no DOM types. */
interface InPage {
  document: {
    querySelector(selector: string): InPageElement | null
  }
  performance: {
    now(): number
    getEntriesByName(name: string): { startTime: number }[]
    getEntriesByType(type: string): { name: string; responseEnd: number }[]
  }
  MutationObserver: new (
    callback: (records: { target: InPageElement }[], observer: { disconnect(): void }) => void
  ) => { observe(target: unknown, options: object): void }
  requestAnimationFrame(callback: () => void): number
  setTimeout(callback: () => void): number
  dossierBench?: PaintTiming
}

interface InPageElement {
  getAttribute(name: string): string | null
  querySelector(selector: string): InPageElement | null
  readonly offsetHeight: number
  readonly clientWidth: number
  style: { maxWidth: string }
}

/**
 * Open-and-paint of a long, heavily highlighted article in the real renderer served by the
 * web host, against the same article without highlights, each on a fresh page of
 * Debian's Chromium with software raster.
 */
export default defineScenario<State>({
  name: 'render-highlights',
  description:
    'open-and-paint of a 500,000-character article with 5,000 highlights vs the same article without, in Chromium; and the relayout after a pane resize',
  needsChromium: true,

  async setup(context) {
    const quick = context.scale < 1
    const chars = quick ? FULL_CHARS / 10 : FULL_CHARS
    const highlights = quick ? FULL_HIGHLIGHTS / 10 : FULL_HIGHLIGHTS
    const dir = join(context.workDir, 'library')
    const articles = await writeHighlightedArticles(dir, { seed: BENCH_SEED, chars, highlights })
    context.log(
      `article of ${articles.highlighted.textLength.toLocaleString('en-US')} characters, ${highlights.toLocaleString('en-US')} highlights`
    )
    // The page saves its own layout (scroll, on pagehide); dropping those saves keeps one
    // sample from changing which article the next one opens.
    const served = await serveLibrary(context.repoRoot, dir, () => ({
      saveWorkspace: async () => undefined
    }))
    return {
      served,
      articles,
      highlights,
      samples: quick ? QUICK_SAMPLES : FULL_SAMPLES
    }
  },

  async measure(state, context) {
    const browser = await launchChromium(context)
    const timings = { highlighted: [] as PaintTiming[], plain: [] as PaintTiming[] }
    const relayouts = { highlighted: [] as Relayout[], plain: [] as Relayout[] }
    try {
      for (let round = -1; round < state.samples; round++) {
        for (const kind of ['highlighted', 'plain'] as const) {
          const article = state.articles[kind]
          const expected = kind === 'highlighted' ? state.highlights : 0
          const sample = await openAndPaint(browser, state, article, expected)
          if (round < 0) continue
          timings[kind].push(sample.timing)
          relayouts[kind].push(...sample.relayouts)
          context.log(
            `${kind} ${round + 1}/${state.samples}: ${sample.timing.painted.toFixed(0)} ms`
          )
        }
      }
    } finally {
      await browser.close()
    }

    const { highlighted, plain, coverage, depth } = state.articles
    const paint = (samples: PaintTiming[]): Figure =>
      summarize(samples.map((timing) => timing.painted))
    const median = (values: (number | undefined)[]): string => {
      const known = values.filter((value) => value !== undefined)
      return known.length === 0 ? 'after the paint' : `${summarize(known).median.toFixed(0)} ms`
    }
    const phases = (samples: PaintTiming[]): string =>
      [
        `DOMContentLoaded ${median(samples.map((t) => t.domContentLoaded))}`,
        `getArticle answered ${median(samples.map((t) => t.api.getArticle))}`,
        `listAnnotations answered ${median(samples.map((t) => t.api.listAnnotations))}`,
        `text in the DOM (first mark) ${median(samples.map((t) => t.firstMark))}`,
        `highlights mark ${median(samples.map((t) => t.mark))}`,
        `next frame ${median(samples.map((t) => t.painted))}`
      ].join(', ')
    const relayoutFigure = (samples: Relayout[]): Figure =>
      summarize(
        samples.map((sample) => sample.frame),
        { p95: true }
      )
    const workload = `${highlighted.textLength.toLocaleString('en-US')}-character article, ${state.highlights.toLocaleString('en-US')} highlights (${(coverage * 100).toFixed(0)}% of the text covered, ${depth.toFixed(1)} deep on average), one pane, ${VIEWPORT.width}×${VIEWPORT.height}`
    return [
      {
        name: 'render-highlights',
        workload: `${workload}; ${state.samples} fresh pages each, alternating`,
        unit: 'ms',
        ours: paint(timings.highlighted),
        baseline: paint(timings.plain),
        baselineLabel: `the same text plus one sentence (${plain.textLength.toLocaleString('en-US')} characters), no highlights`,
        goal: { maxRatio: 1.5 },
        notes: [
          'figure: navigation start to the frame after the pane marks its highlights painted',
          `with highlights (medians): ${phases(timings.highlighted)}`,
          `without: ${phases(timings.plain)}`
        ]
      },
      {
        name: 'render-highlights-relayout',
        workload: `${workload}; pane narrowed to ${RELAYOUT_WIDTHS.join(', ')} px in turn on each page`,
        unit: 'ms',
        ours: relayoutFigure(relayouts.highlighted),
        baseline: relayoutFigure(relayouts.plain),
        baselineLabel: 'the same relayout without highlights',
        notes: [
          'report only: set the pane max-width, force layout, then one frame (rAF, then a task)',
          `forced layout alone: ${median(relayouts.highlighted.map((r) => r.layout))} with highlights, ${median(relayouts.plain.map((r) => r.layout))} without`
        ]
      }
    ]
  },

  async teardown(state) {
    await state.served.close()
  }
})

/** One fresh page: open the article, wait for its highlights to paint, then relayout it. */
async function openAndPaint(
  browser: Browser,
  state: State,
  article: ArticleMeta,
  expected: number
): Promise<{ timing: PaintTiming; relayouts: Relayout[] }> {
  await state.served.handlers.saveWorkspace({
    workspace: {
      panes: [{ id: PANE_ID, articleId: article.id, scroll: 0, width: 1 }],
      activePaneId: PANE_ID,
      scrollSync: false,
      colorNames: DEFAULT_COLOR_NAMES,
      currentColor: 1,
      libraryWidth: 480
    }
  })
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.addInitScript(watchForPaint, expected)
    await page.goto(state.served.host.url, { waitUntil: 'commit' })
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).dossierBench !== undefined,
      undefined,
      { timeout: PAINT_TIMEOUT_MS, polling: 50 }
    )
    const timing = await page.evaluate(() => (globalThis as unknown as InPage).dossierBench!)
    const measured: Relayout[] = []
    for (const width of RELAYOUT_WIDTHS) measured.push(await page.evaluate(relayout, width))
    return { timing, relayouts: measured }
  } finally {
    await context.close()
  }
}

/**
 * Runs in the page before its scripts. A MutationObserver (a microtask, unlike a
 * PerformanceObserver's task) sees the pane set `data-highlights-painted` to the expected
 * count, and the next frame is awaited with rAF, then a task, so the figure includes it.
 * No named inner functions: tsx would wrap them in a helper the page does not have.
 */
const watchForPaint = (expected: number): void => {
  const page = globalThis as unknown as InPage
  new page.MutationObserver((records, observer) => {
    if (!records.some((r) => r.target.getAttribute('data-highlights-painted') === `${expected}`))
      return
    observer.disconnect()
    const marks = page.performance.getEntriesByName('dossier:highlights-painted')
    const api: Record<string, number> = {}
    for (const entry of page.performance.getEntriesByType('resource'))
      if (entry.name.includes('/api/')) api[entry.name.split('/api/')[1]] = entry.responseEnd
    const navigation = page.performance.getEntriesByType('navigation')[0] as unknown as {
      domContentLoadedEventEnd: number
    }
    page.requestAnimationFrame(() =>
      page.setTimeout(() => {
        page.dossierBench = {
          painted: page.performance.now(),
          mark: marks[marks.length - 1].startTime,
          firstMark: marks[0].startTime,
          api,
          domContentLoaded: navigation.domContentLoadedEventEnd
        }
      })
    )
  }).observe(page.document, {
    attributes: true,
    attributeFilter: ['data-highlights-painted'],
    subtree: true
  })
}

/** Runs in the page: narrow the pane, force layout, then wait one frame. */
const relayout = (width: number): Promise<Relayout> => {
  const page = globalThis as unknown as InPage
  const pane = page.document.querySelector('article[data-highlights-painted]')!
  const text = pane.querySelector('.article-text')!
  const start = page.performance.now()
  pane.style.maxWidth = `${width}px`
  // Reading a size forces the layout now, so it can be told apart from the frame.
  const columnHeight = text.offsetHeight
  const layout = page.performance.now() - start
  return new Promise((resolve) =>
    page.requestAnimationFrame(() =>
      page.setTimeout(() =>
        resolve({
          layout,
          frame: page.performance.now() - start,
          columnWidth: text.clientWidth,
          columnHeight
        })
      )
    )
  )
}
