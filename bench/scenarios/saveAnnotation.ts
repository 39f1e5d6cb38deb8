import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation } from '../../src/shared/annotation'
import type { ArticleMeta } from '../../src/shared/article'
import { Library } from '../../src/core/store/Library'
import { writeFileDurable } from '../../src/core/store/writeFileDurable'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { generateNote } from '../library/generateText'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'
import { plainToDoc } from '../../src/shared/richText'

const SAMPLES = 300
const WARMUP = 10
/** The scaling check compares against this library size at every scale. */
const SMALL_ARTICLES = 100

interface Target {
  library: Library
  article: ArticleMeta
  start: number
  end: number
  note: string
}

interface State {
  large: WrittenLibrary
  largeLibrary: Library
  smallLibrary: Library
  baselineDir: string
  largeTargets: Target[]
  smallTargets: Target[]
}

/**
 * The save the analyst waits on: one new highlight, durable when the promise resolves.
 * The article is open (its annotations listed), as it is when the reader highlights in it.
 */
export default defineScenario<State>({
  name: 'save-annotation',
  description:
    'Library.createAnnotation until durable, vs a durable write of just that annotation; and at 10,000 vs 100 articles',
  async setup(context) {
    const samples = Math.max(30, Math.round(SAMPLES * context.scale)) + WARMUP
    const large = await writeLibrary(join(context.workDir, 'large'), standardLibrary(context.scale))
    const small = await writeLibrary(join(context.workDir, 'small'), {
      seed: BENCH_SEED,
      articles: SMALL_ARTICLES,
      annotations: SMALL_ARTICLES * 10
    })
    context.log(`generated ${describeLibrary(large.spec)} in ${Math.round(large.generateMs)} ms`)
    const baselineDir = join(context.workDir, 'baseline')
    await mkdir(baselineDir)
    const largeLibrary = await Library.open(large.dir, 'benchmark')
    const smallLibrary = await Library.open(small.dir, 'benchmark')
    const random = new SeededRandom(BENCH_SEED ^ 0x5a7e)
    const targets = async (library: Library, written: WrittenLibrary): Promise<Target[]> => {
      const live = written.articles.filter((article) => article.deletedAt === undefined)
      const chosen = Array.from({ length: samples }, (): Target => {
        const article = random.pick(live)
        const start = random.int(0, article.textLength - 301)
        const note = random.chance(0.5) ? '' : generateNote(random, 'latin', random.int(1, 3))
        return { library, article, start, end: start + random.int(20, 300), note }
      })
      for (const { article } of chosen) await library.listAnnotations(article.id)
      return chosen
    }
    return {
      large,
      largeLibrary,
      smallLibrary,
      baselineDir,
      largeTargets: await targets(largeLibrary, large),
      smallTargets: await targets(smallLibrary, small)
    }
  },

  async measure(state) {
    const save = ({ library, article, start, end, note }: Target): Promise<Annotation> =>
      library.createAnnotation({
        articleId: article.id,
        start,
        end,
        color: 3,
        note: plainToDoc(note)
      })
    const large: number[] = []
    const small: number[] = []
    const baseline: number[] = []
    for (const [i, target] of state.largeTargets.entries()) {
      let annotation: Annotation | undefined
      const ours = await timeAsync(async () => (annotation = await save(target)))
      const bytes = JSON.stringify(annotation)
      const raw = await timeAsync(() =>
        writeFileDurable(join(state.baselineDir, `${i}.json`), bytes)
      )
      const smaller = await timeAsync(() => save(state.smallTargets[i]))
      if (i < WARMUP) continue
      large.push(ours)
      baseline.push(raw)
      small.push(smaller)
    }
    const fileSizes = await Promise.all(
      state.largeTargets.map(
        async ({ article }) =>
          (await stat(join(state.large.dir, 'annotations', `${article.id}.json`))).size
      )
    )
    // Counts changed, so closing rewrites the index: what each burst of saves costs later.
    const indexFlush = await timeAsync(() => state.largeLibrary.close())
    const workload = `save 1 annotation; ${describeLibrary(state.large.spec)}`
    const ours = summarize(large, { p95: true })
    return [
      {
        name: 'save-annotation',
        workload,
        unit: 'ms',
        ours,
        baseline: summarize(baseline, { p95: true }),
        baselineLabel: "durable write of the annotation's JSON",
        goal: { maxRatio: 3 },
        notes: [
          `each save rewrites the article's whole annotation file (median ${formatBytes(summarize(fileSizes).median)} here) ; the article text is read and verified once, then kept among the last 8 read`,
          `not in the figure: the index (${formatBytes(state.large.indexBytes)}) is rewritten durably 500 ms after the last save; that took ${indexFlush.toFixed(1)} ms`
        ]
      },
      {
        name: 'save-annotation-scaling',
        workload: `same save at ${state.large.spec.articles.toLocaleString('en-US')} vs ${SMALL_ARTICLES} articles`,
        unit: 'ms',
        ours,
        baseline: summarize(small, { p95: true }),
        baselineLabel: `the same save in a ${SMALL_ARTICLES}-article library`,
        goal: { maxRatio: 1.5 }
      }
    ]
  },

  async teardown(state) {
    await state.largeLibrary.close()
    await state.smallLibrary.close()
  }
})
