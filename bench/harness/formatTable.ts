import type { Result } from './Result'
import type { Figure } from './Scenario'

const STATUS_LABEL: Record<Result['status'], string> = {
  pass: 'ok',
  miss: 'MISSED',
  report: 'report',
  skipped: 'skipped',
  error: 'ERROR'
}

/** The readable report: one table, then each row's workload, baseline and notes. */
export function formatTable(results: Result[]): string {
  const header = [
    'scenario',
    'ours p50',
    'ours p95',
    'base p50',
    'base p95',
    'ratio',
    'goal',
    'result'
  ]
  const lines = results.map((result) => [
    result.name,
    figure(result, result.ours, 'median'),
    figure(result, result.ours, 'p95'),
    figure(result, result.baseline, 'median'),
    figure(result, result.baseline, 'p95'),
    result.ratio === undefined ? '—' : `${result.ratio.toFixed(2)}×`,
    result.goalMaxRatio === undefined ? '—' : `≤ ${result.goalMaxRatio}×`,
    STATUS_LABEL[result.status]
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length))
  )
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
      )
      .join('  ')
  const table = [
    render(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...lines.map(render)
  ]
  const details = results.flatMap((result) => [
    '',
    `${result.name}: ${result.workload ?? result.reason?.split('\n')[0] ?? ''}`,
    ...(result.baselineLabel ? [`  baseline: ${result.baselineLabel}`] : []),
    ...(result.notes ?? []).map((note) => `  - ${note}`)
  ])
  const missed = results.filter((result) => result.status === 'miss' || result.status === 'error')
  const verdict = missed.length
    ? `Goals missed: ${missed.map((result) => result.name).join(', ')}.`
    : 'Every goal met.'
  return [...table, ...details, '', verdict].join('\n')
}

function figure(result: Result, value: Figure | undefined, key: 'median' | 'p95'): string {
  const number = value?.[key]
  if (number === undefined) return '—'
  if (result.unit === 'bytes') return `${(number / 1e6).toFixed(1)} MB`
  return number >= 100 ? `${Math.round(number)} ms` : `${number.toPrecision(3)} ms`
}
