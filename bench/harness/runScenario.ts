import { access, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from './Result'
import { judge } from './Result'
import type { AnyScenario, BenchContext } from './Scenario'

/** The Debian Chromium the end-to-end tests use. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Runs one scenario in its own temp folder and turns its rows into results. A scenario
 * that throws becomes an `error` row, so one broken scenario never hides the others.
 */
export async function runScenario(
  scenario: AnyScenario,
  options: { scale: number; repoRoot: string }
): Promise<Result[]> {
  const failed = (status: 'skipped' | 'error', reason: string): Result[] => [
    { scenario: scenario.name, name: scenario.name, status, pass: null, reason }
  ]
  let chromiumPath: string | undefined
  if (scenario.needsChromium) {
    const found = await access(CHROMIUM_PATH).then(
      () => true,
      () => false
    )
    if (!found) return failed('skipped', `needs Chromium, but ${CHROMIUM_PATH} is missing`)
    chromiumPath = CHROMIUM_PATH
  }
  const workDir = await mkdtemp(join(tmpdir(), `dossier-bench-${scenario.name}-`))
  const context: BenchContext = {
    scale: options.scale,
    workDir,
    repoRoot: options.repoRoot,
    ...(chromiumPath ? { chromiumPath } : {}),
    log: (message) => process.stderr.write(`  [${scenario.name}] ${message}\n`)
  }
  let state: unknown
  let setUp = false
  try {
    state = await scenario.setup(context)
    setUp = true
    const rows = await scenario.measure(state, context)
    return rows.map((row) => judge(scenario.name, row))
  } catch (error) {
    return failed('error', error instanceof Error ? (error.stack ?? error.message) : String(error))
  } finally {
    if (setUp)
      await Promise.resolve(scenario.teardown?.(state, context)).catch((error: unknown) =>
        context.log(`teardown failed: ${String(error)}`)
      )
    await rm(workDir, { recursive: true, force: true })
  }
}
