import type { AnyScenario, Scenario } from './Scenario'

/**
 * Types a scenario file's default export. The state type stays private to the file:
 * the runner only ever passes `setup`'s result back to the same scenario.
 */
export function defineScenario<State>(scenario: Scenario<State>): AnyScenario {
  return scenario as AnyScenario
}
