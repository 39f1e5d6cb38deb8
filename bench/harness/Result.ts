import type { Figure, Row } from './Scenario'

/** One line of the report, as printed and as written by `--json`. */
export interface Result {
  scenario: string
  name: string
  status: 'pass' | 'miss' | 'report' | 'skipped' | 'error'
  workload?: string
  unit?: Row['unit']
  ours?: Figure
  baseline?: Figure
  baselineLabel?: string
  /** ours.median / baseline.median. */
  ratio?: number
  /** The highest ratio that meets the goal; absent for report-only rows. */
  goalMaxRatio?: number
  /** `null` for report-only, skipped and failed rows. */
  pass: boolean | null
  notes?: string[]
  /** Why a scenario was skipped or could not run. */
  reason?: string
}

/** Computes the ratio and compares it with the goal. */
export function judge(scenario: string, row: Row): Result {
  const ratio = row.baseline ? row.ours.median / row.baseline.median : undefined
  const pass = row.goal && ratio !== undefined ? ratio <= row.goal.maxRatio : null
  return {
    scenario,
    name: row.name,
    status: pass === null ? 'report' : pass ? 'pass' : 'miss',
    workload: row.workload,
    unit: row.unit,
    ours: row.ours,
    ...(row.baseline ? { baseline: row.baseline, baselineLabel: row.baselineLabel } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(row.goal ? { goalMaxRatio: row.goal.maxRatio } : {}),
    pass,
    ...(row.notes ? { notes: row.notes } : {})
  }
}
