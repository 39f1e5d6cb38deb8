import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { defineScenario } from '../harness/defineScenario'
import { summarize } from '../harness/summarize'

const SAMPLES = 15

/** Wall time of one process from spawn to exit. */
function timeProcess(args: string[], cwd: string): number {
  const start = performance.now()
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const ms = performance.now() - start
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return ms
}

/**
 * `dossier --version` as an analyst runs it (the built CLI through bin/dossier.js) against a
 * bare Node start, alternated sample by sample so a noisy neighbour hits both alike.
 */
export default defineScenario<undefined>({
  name: 'cli-startup',
  description: '`dossier --version` (built CLI) vs `node -e 0`, fresh processes',
  setup: async (context) => {
    if (!existsSync(join(context.repoRoot, 'out/main/cli.js')))
      throw new Error('out/main/cli.js is missing: run `npm run build` first')
    return undefined
  },
  async measure(_state, context) {
    const samples = Math.max(5, Math.round(SAMPLES * Math.max(context.scale, 0.5)))
    const ours: number[] = []
    const bare: number[] = []
    timeProcess(['bin/dossier.js', '--version'], context.repoRoot) // warm the page cache
    for (let i = 0; i < samples; i++) {
      bare.push(timeProcess(['-e', '0'], context.repoRoot))
      ours.push(timeProcess(['bin/dossier.js', '--version'], context.repoRoot))
    }
    return [
      {
        name: 'cli-startup',
        workload: '`dossier --version`',
        unit: 'ms',
        ours: summarize(ours),
        baseline: summarize(bare),
        baselineLabel: '`node -e 0`',
        goal: { maxRatio: 4 },
        notes: ['commands import their code lazily: --version and --help load only commander']
      }
    ]
  }
})
