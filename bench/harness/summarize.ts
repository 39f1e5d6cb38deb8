import type { Figure } from './Scenario'

/** Median and (when asked) nearest-rank 95th percentile of the samples. */
export function summarize(samples: number[], { p95 = false }: { p95?: boolean } = {}): Figure {
  if (samples.length === 0) throw new Error('summarize: no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length / 2
  const median = Number.isInteger(middle)
    ? (sorted[middle - 1] + sorted[middle]) / 2
    : sorted[Math.floor(middle)]
  const figure: Figure = { median, samples: sorted.length }
  if (p95) figure.p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]
  return figure
}
