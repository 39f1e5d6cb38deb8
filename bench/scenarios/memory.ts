import { join } from 'node:path'
import { z } from 'zod'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { runProbe } from '../harness/runProbe'
import { summarize } from '../harness/summarize'
import { describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const SAMPLES = 3
const ProbeResult = z.object({ rssBytes: z.number(), heapBytes: z.number() })

/** What the open library costs in memory, against the bytes of the files it came from. */
export default defineScenario<WrittenLibrary>({
  name: 'memory',
  description:
    'RSS growth with the index and every annotation file loaded, vs the raw bytes of those files',
  setup: (context) =>
    writeLibrary(join(context.workDir, 'library'), standardLibrary(context.scale)),

  async measure(library, context) {
    const rss: number[] = []
    const heap: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const sample = await runProbe(context.repoRoot, 'memoryProbe', [library.dir], ProbeResult)
      rss.push(sample.rssBytes)
      heap.push(sample.heapBytes)
    }
    const rawBytes = library.indexBytes + library.annotationBytes
    return [
      {
        name: 'memory',
        workload: `${describeLibrary(library.spec)}; index + all annotation files loaded`,
        unit: 'bytes',
        ours: summarize(rss),
        baseline: { median: rawBytes, samples: 1 },
        baselineLabel: `bytes of library.json (${formatBytes(library.indexBytes)}) + annotations/*.json (${formatBytes(library.annotationBytes)}); article texts are never held`,
        goal: { maxRatio: 3 },
        notes: [
          `JS heap growth: ${formatBytes(summarize(heap).median)}; the rest of the RSS growth is V8 heap headroom and malloc'd memory`
        ]
      }
    ]
  }
})
