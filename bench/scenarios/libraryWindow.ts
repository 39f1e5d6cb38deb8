import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createHandlers } from '../../src/core/createHandlers'
import { Library } from '../../src/core/store/Library'
import type { ApiHandlers } from '../../src/shared/api'
import type { ArticleWindowRequest } from '../../src/shared/articleWindow'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import type { Figure } from '../harness/Scenario'
import { summarize } from '../harness/summarize'
import { describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const SAMPLES = 15
/** The rows the library table asks for at a time (`PAGE_ROWS` in useArticleWindow). */
const PAGE = 200

interface State {
  written: WrittenLibrary
  library: Library
  handlers: ApiHandlers
}

/** Opens the library afresh: nothing sorted, filtered or counted yet. */
async function reopen(state: State): Promise<void> {
  await state.library.close()
  state.library = await Library.open(state.written.dir, 'benchmark')
  state.handlers = createHandlers(state.library, { host: 'web' })
}

/** One answer as a host sends it: the handler, then the JSON of its Result. */
async function answer(run: () => Promise<unknown>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now()
  const body = JSON.stringify({ ok: true, value: await run() })
  return { ms: performance.now() - started, bytes: Buffer.byteLength(body) }
}

async function sample(
  times: number,
  before: () => unknown,
  run: () => Promise<unknown>
): Promise<{ figure: Figure; bytes: number }> {
  const ms: number[] = []
  let bytes = 0
  for (let i = 0; i < times; i++) {
    await before()
    const one = await answer(run)
    ms.push(one.ms)
    bytes = one.bytes
  }
  return { figure: summarize(ms, { p95: true }), bytes }
}

/**
 * What the library table costs the host: the answer it asks for at open, on a click on a
 * column heading and on a filter keystroke, each against the one answer the table used to
 * ask for at open and after every change, every article's metadata (`listArticles`).
 */
export default defineScenario<State>({
  name: 'library-window',
  description:
    'the library table at open, on a sort and on a filter keystroke (listArticleWindow of 200 rows, cold) vs listArticles, each answer with its JSON',
  async setup(context) {
    const written = await writeLibrary(
      join(context.workDir, 'library'),
      standardLibrary(context.scale)
    )
    const library = await Library.open(written.dir, 'benchmark')
    return { written, library, handlers: createHandlers(library, { host: 'web' }) }
  },

  async measure(state) {
    const { written } = state
    const samples = Math.max(7, Math.round(SAMPLES * Math.sqrt(written.spec.articles / 10_000)))
    const cold = () => reopen(state)
    const page = (request: Partial<ArticleWindowRequest>) => () =>
      state.handlers.listArticleWindow({ offset: 0, limit: PAGE, ...request })
    const whole = await sample(samples, cold, () => state.handlers.listArticles({}))
    const opened = await sample(samples, cold, page({}))
    const sorted = await sample(samples, cold, page({ sort: 'title' }))
    // What any change does (a highlight's count, a rename): the orders are sorted again.
    const changed = await sample(
      samples,
      () => state.library.windows.invalidate(),
      page({ sort: 'title' })
    )
    const { library, handlers } = state
    // The start of a word of a title, typed and taken back: the sorted order is kept.
    const middle = library.listArticles()[Math.floor(written.spec.articles / 3)]!
    const word =
      middle.title
        .split(/\s+/)
        .find((w) => w.length >= 4)
        ?.toLowerCase() ?? 'the'
    let keystroke = 0
    const typed = await sample(
      samples,
      () => (keystroke += 1),
      () =>
        handlers.listArticleWindow({
          offset: 0,
          limit: PAGE,
          sort: 'title',
          filter: keystroke % 2 === 0 ? word.slice(0, 3) : word.slice(0, 4)
        })
    )
    const further = Math.min(PAGE * 20, Math.floor(written.spec.articles / 2))
    const scrolled = await sample(samples, () => undefined, page({ offset: further }))
    const matches = (
      await handlers.listArticleWindow({ offset: 0, limit: 0, filter: word.slice(0, 3) })
    ).matching
    const workload = describeLibrary(written.spec)
    const baselineLabel = `listArticles + its JSON (${formatBytes(whole.bytes)}): what the table asked for at open and after every change`
    return [
      {
        name: 'library-window-open',
        workload,
        unit: 'ms',
        ours: opened.figure,
        baseline: whole.figure,
        baselineLabel,
        goal: { maxRatio: 0.25 },
        notes: [
          `figure: listArticleWindow of the first ${PAGE} rows, newest import first, in a library just opened (the order built), and its JSON (${formatBytes(opened.bytes)})`,
          `a page further down (row ${further.toLocaleString('en-US')}), the order kept, as when scrolling: median ${scrolled.figure.median.toFixed(2)} ms`
        ]
      },
      {
        name: 'library-window-sort',
        workload,
        unit: 'ms',
        ours: sorted.figure,
        baseline: whole.figure,
        baselineLabel,
        goal: { maxRatio: 1 },
        notes: [
          `figure: the first click on "Title" after opening: the ${written.spec.articles.toLocaleString('en-US')} articles sorted by title (Intl.Collator, empty values last) and the first ${PAGE} rows with their JSON; the order is then kept until a change`
        ]
      },
      {
        name: 'library-window-after-change',
        workload,
        unit: 'ms',
        ours: changed.figure,
        baseline: whole.figure,
        baselineLabel,
        goal: { maxRatio: 0.25 },
        notes: [
          'figure: the page sorted by title after a change (a highlight, a rename, an import: every order and filter is out of date), sorted again from the order it had, which TimSort finds nearly in order'
        ]
      },
      {
        name: 'library-window-filter',
        workload,
        unit: 'ms',
        ours: typed.figure,
        baseline: whole.figure,
        baselineLabel,
        goal: { maxRatio: 0.5 },
        notes: [
          `figure: a keystroke in the filter ("${word.slice(0, 3)}" and "${word.slice(0, 4)}" in turn) over the kept title order: a scan of every article's lower-cased fields and the first ${PAGE} matches with their JSON (${formatBytes(typed.bytes)}, ${matches.toLocaleString('en-US')} matches for "${word.slice(0, 3)}")`
        ]
      }
    ]
  },

  async teardown(state) {
    await state.library.close()
  }
})
