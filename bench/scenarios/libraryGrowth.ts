import { join } from 'node:path'
import { z } from 'zod'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { runProbe } from '../harness/runProbe'
import { summarize } from '../harness/summarize'
import { describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const SAMPLES = 5
const MEMORY_SAMPLES = 3
const OpenResult = z.object({ ms: z.number(), importMs: z.number(), articles: z.number() })
const MemoryResult = z.object({ rssBytes: z.number(), heapBytes: z.number() })
const ListResult = z.object({
  ms: z.number(),
  maxRssBytes: z.number(),
  startRssBytes: z.number()
})

interface Libraries {
  small: WrittenLibrary
  large: WrittenLibrary
}

/**
 * Growth beyond 10,000 articles (opt-in, `--scale 10`): the library at the run's scale
 * (100,000 articles) against the one a tenth its size (10,000), both written by the bench
 * generator. Opening is the `open-library` figure (Library.open + listArticles in a fresh
 * process); memory is what the open index holds, against its bytes on disk.
 */
export default defineScenario<Libraries>({
  name: 'library-growth',
  description:
    'Library.open + listArticles at 100,000 articles vs at 10,000; RSS of the open index vs its bytes; dossier list at 100,000',
  minScale: 10,
  async setup(context) {
    context.log('writing the library at a tenth of the scale…')
    const small = await writeLibrary(
      join(context.workDir, 'small'),
      standardLibrary(context.scale / 10)
    )
    context.log('writing the library at the full scale (about 2 minutes at 100,000)…')
    const large = await writeLibrary(join(context.workDir, 'large'), standardLibrary(context.scale))
    return { small, large }
  },

  async measure({ small, large }, context) {
    const open = (library: WrittenLibrary): Promise<z.infer<typeof OpenResult>> =>
      runProbe(context.repoRoot, 'openLibraryProbe', [library.dir, 'core'], OpenResult)
    const smallMs: number[] = []
    const largeMs: number[] = []
    const rawMs: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      // Alternated, so that a noisy neighbour hits both sides alike.
      smallMs.push((await open(small)).ms)
      largeMs.push((await open(large)).ms)
      rawMs.push(
        (await runProbe(context.repoRoot, 'openLibraryProbe', [large.dir, 'baseline'], OpenResult))
          .ms
      )
    }
    const rss: number[] = []
    const heap: number[] = []
    for (let i = 0; i < MEMORY_SAMPLES; i++) {
      const sample = await runProbe(
        context.repoRoot,
        'memoryProbe',
        [large.dir, 'index'],
        MemoryResult
      )
      rss.push(sample.rssBytes)
      heap.push(sample.heapBytes)
    }
    const listed = await runProbe(context.repoRoot, 'listProbe', [large.dir], ListResult)
    const workload = describeLibrary(large.spec)
    const raw = summarize(rawMs).median
    return [
      {
        name: 'open-growth',
        workload: `${workload}; ${SAMPLES} samples each`,
        unit: 'ms',
        ours: summarize(largeMs),
        baseline: summarize(smallMs),
        baselineLabel: `the same at ${small.spec.articles.toLocaleString('en-US')} articles (${formatBytes(small.indexBytes)} index)`,
        goal: { maxRatio: 3 },
        notes: [
          `readFile + JSON.parse alone of the ${formatBytes(large.indexBytes)} index: ${raw.toFixed(0)} ms (${(summarize(largeMs).median / raw).toFixed(2)}× of it for the whole open)`
        ]
      },
      {
        name: 'memory-growth',
        workload: `${workload}; Library.open + listArticles`,
        unit: 'bytes',
        ours: summarize(rss),
        baseline: { median: large.indexBytes, samples: 1 },
        baselineLabel: `bytes of library.json (${formatBytes(large.indexBytes)})`,
        goal: { maxRatio: 3 },
        notes: [`JS heap growth: ${formatBytes(summarize(heap).median)}`]
      },
      {
        name: 'list-growth',
        workload: `dossier list of ${workload}, one run`,
        unit: 'ms',
        ours: { median: listed.ms, samples: 1 },
        notes: [
          `peak RSS ${formatBytes(listed.maxRssBytes)} (${formatBytes(listed.startRssBytes)} with the CLI's modules loaded, before it opened the library)`
        ]
      }
    ]
  }
})
