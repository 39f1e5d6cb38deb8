import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnyScenario } from './Scenario'

/**
 * Every `bench/scenarios/*.ts` file's default export, sorted by name: adding a scenario
 * is adding a file.
 */
export async function loadScenarios(scenariosDir: string): Promise<AnyScenario[]> {
  const files = (await readdir(scenariosDir)).filter((name) => name.endsWith('.ts')).sort()
  const scenarios: AnyScenario[] = []
  for (const file of files) {
    const module = (await import(pathToFileURL(join(scenariosDir, file)).href)) as {
      default?: Partial<AnyScenario>
    }
    const scenario = module.default
    if (typeof scenario?.name !== 'string' || typeof scenario.measure !== 'function')
      throw new Error(`bench/scenarios/${file} must default-export defineScenario({...})`)
    scenarios.push(scenario as AnyScenario)
  }
  return scenarios.sort((a, b) => a.name.localeCompare(b.name))
}
