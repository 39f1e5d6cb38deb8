/**
 * `npm run bench [-- --quick | --scale N] [--only NAME[,NAME]] [--json FILE] [--list]`
 *
 * Runs every scenario in `bench/scenarios/` and prints each figure as a ratio to a
 * baseline measured in the same run. `--scale 10` sizes the libraries at 100,000 articles
 * and adds the opt-in growth check (`library-growth`); `--quick` is `--scale 0.1`. Exits 0 even when a goal is missed: it is a
 * measurement, not a test; the table says what was missed.
 */
import { cpus, totalmem } from 'node:os'
import { writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatTable } from './harness/formatTable'
import { loadScenarios } from './harness/loadScenarios'
import type { Result } from './harness/Result'
import { runScenario } from './harness/runScenario'

const QUICK_SCALE = 0.1
const benchDir = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(benchDir, '..')

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    only: { type: 'string', multiple: true },
    json: { type: 'string' },
    list: { type: 'boolean', default: false }
  }
})

const scenarios = await loadScenarios(join(benchDir, 'scenarios'))
if (values.list) {
  for (const scenario of scenarios)
    console.log(
      `${scenario.name}: ${scenario.description}${scenario.minScale ? ` (opt-in: --scale ${scenario.minScale})` : ''}`
    )
  process.exit(0)
}
const wanted = new Set((values.only ?? []).flatMap((names) => names.split(',')))
const unknown = [...wanted].filter((name) => !scenarios.some((scenario) => scenario.name === name))
if (unknown.length > 0) {
  console.error(
    `Unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}.`
  )
  process.exit(2)
}

const scale = values.scale !== undefined ? Number(values.scale) : values.quick ? QUICK_SCALE : 1
if (!(scale > 0) || (values.scale !== undefined && values.quick)) {
  console.error('--scale takes a number above 0 (10 for 100,000 articles), and not with --quick.')
  process.exit(2)
}
const startedAt = new Date()
const results: Result[] = []
for (const scenario of scenarios) {
  if (wanted.size > 0 && !wanted.has(scenario.name)) continue
  if (scenario.minScale !== undefined && scale < scenario.minScale) {
    if (wanted.has(scenario.name))
      results.push({
        scenario: scenario.name,
        name: scenario.name,
        status: 'skipped',
        pass: null,
        reason: `opt-in: runs with --scale ${scenario.minScale}`
      })
    continue
  }
  process.stderr.write(`${scenario.name}…\n`)
  const start = performance.now()
  results.push(...(await runScenario(scenario, { scale, repoRoot })))
  process.stderr.write(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`)
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}`
console.log(
  `Dossier benchmarks, ${scale === 1 ? 'full size' : scale === QUICK_SCALE ? 'quick (1/10 size)' : `${scale}× the full size`}, ${startedAt.toISOString()}`
)
console.log(`${machine}\n`)
console.log(formatTable(results))
if (values.json) {
  const report = { startedAt: startedAt.toISOString(), scale, machine, results }
  await writeFile(values.json, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nResults written to ${values.json}.`)
}
