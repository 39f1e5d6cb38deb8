/** A figure summarised from samples: milliseconds for times, bytes for memory. */
export interface Figure {
  median: number
  /** Only where the figure is interactive and sampled often enough to have one. */
  p95?: number
  samples: number
}

/** What a scenario must stay within: `ours.median / baseline.median <= maxRatio`. */
export interface Goal {
  maxRatio: number
}

/** One line of the results table. A scenario may report several (e.g. a scaling check). */
export interface Row {
  name: string
  /** The workload in words, e.g. "10,000 articles, 100,000 annotations". */
  workload: string
  unit: 'ms' | 'bytes'
  ours: Figure
  /** Omitted for report-only rows. */
  baseline?: Figure
  baselineLabel?: string
  /** Omitted for report-only rows. */
  goal?: Goal
  /** What limits the figure, or a side measurement worth knowing. */
  notes?: string[]
}

/** What the harness gives every scenario. */
export interface BenchContext {
  /** 1 for the full size, 0.1 for `--quick`, N for `--scale N`. */
  scale: number
  /** A fresh temp folder for this scenario; the harness deletes it afterwards. */
  workDir: string
  /** The repository root, for starting probe processes. */
  repoRoot: string
  /** Set when the scenario declared `needsChromium` and the browser was found. */
  chromiumPath?: string
  /** Progress on stderr, so that stdout stays the table. */
  log(message: string): void
}

/**
 * One benchmark scenario, one file in `bench/scenarios/`, default-exported through
 * `defineScenario`. `setup` builds the workload (not timed), `measure` times it against a
 * baseline in the same run, `teardown` releases what `setup` opened (locks, handles).
 */
export interface Scenario<State> {
  name: string
  /** One line for `--list` and BENCHMARKS.md. */
  description: string
  /** Skipped, with the reason in the table, when the Debian Chromium is missing. */
  needsChromium?: boolean
  /**
   * Opt-in: runs only at `--scale` of at least this (the 100,000-article growth check is
   * `--scale 10`), and is left out of the default run.
   */
  minScale?: number
  setup(context: BenchContext): Promise<State>
  measure(state: State, context: BenchContext): Promise<Row[]>
  teardown?(state: State, context: BenchContext): Promise<void>
}

/** A scenario with its state type erased, as the runner holds them. */
export type AnyScenario = Scenario<unknown>
