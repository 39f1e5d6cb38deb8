import { join } from 'node:path'
import { z } from 'zod'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { runProbe } from '../harness/runProbe'
import { summarize } from '../harness/summarize'
import { describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const SAMPLES = 7
const ProbeResult = z.object({ ms: z.number(), importMs: z.number(), articles: z.number() })

/**
 * Cold start of the core to "library list ready". Every sample is a fresh Node process, so
 * V8's heap, JIT and the modules are cold; the OS page cache is warm (dropping it needs
 * root), as it is when the analyst reopens the app.
 */
export default defineScenario<WrittenLibrary>({
  name: 'open-library',
  description:
    'Library.open + listArticles in a fresh process, vs readFile + JSON.parse of library.json',
  setup: (context) =>
    writeLibrary(join(context.workDir, 'library'), standardLibrary(context.scale)),

  async measure(library, context) {
    const samples = Math.max(5, Math.round(SAMPLES * context.scale))
    const ours: number[] = []
    const imports: number[] = []
    const baseline: number[] = []
    const validated: number[] = []
    const checkedMs: number[] = []
    for (let i = 0; i < samples; i++) {
      // Alternated, so that a noisy neighbour hits both sides alike.
      const core = await runProbe(
        context.repoRoot,
        'openLibraryProbe',
        [library.dir, 'core'],
        ProbeResult
      )
      const raw = await runProbe(
        context.repoRoot,
        'openLibraryProbe',
        [library.dir, 'baseline'],
        ProbeResult
      )
      const checked = await runProbe(
        context.repoRoot,
        'openLibraryProbe',
        [library.dir, 'validated'],
        ProbeResult
      )
      const inPlace = await runProbe(
        context.repoRoot,
        'openLibraryProbe',
        [library.dir, 'checked'],
        ProbeResult
      )
      ours.push(core.ms)
      validated.push(checked.ms)
      checkedMs.push(inPlace.ms)
      imports.push(core.importMs)
      baseline.push(raw.ms)
    }
    const base = summarize(baseline).median
    const zodFloor = summarize(validated).median
    const floor = summarize(checkedMs).median
    return [
      {
        name: 'open-library',
        workload: describeLibrary(library.spec),
        unit: 'ms',
        ours: summarize(ours),
        baseline: summarize(baseline),
        baselineLabel: `readFile + JSON.parse of library.json (${formatBytes(library.indexBytes)}), fresh process`,
        goal: { maxRatio: 2 },
        notes: [
          `the floor while the index is validated: read + JSON.parse + the store's in-place check (checkIndexFile.ts), fresh process, ${floor.toFixed(1)} ms (${(floor / base).toFixed(2)}× baseline); with the zod schema instead, ${zodFloor.toFixed(1)} ms (${(zodFloor / base).toFixed(2)}×)`,
          'Library.open also takes the lock, builds the id map and lists three folders for stray temp files; listArticles filters and sorts',
          `not in the figure (nor in the baseline): loading the store's modules took a median ${summarize(imports).median.toFixed(0)} ms under tsx`
        ]
      }
    ]
  }
})
