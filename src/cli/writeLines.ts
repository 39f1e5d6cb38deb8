/** Lines gathered before each write: large enough to be cheap, small enough to stream. */
const LINES_PER_WRITE = 1000

/**
 * Writes `count` lines made one at a time by `line(i)` to stdout, a chunk at a time and
 * waiting when the pipe is full, so 100,000 rows are never one string in memory. One
 * 'error' listener stays on stdout for the whole write, its last flush included: a reader
 * that goes away (`| head`) ends the output quietly; other write errors are thrown.
 */
export async function writeLines(count: number, line: (i: number) => string): Promise<void> {
  const out = process.stdout
  let failed: NodeJS.ErrnoException | undefined
  let wake: (() => void) | undefined
  const onError = (error: NodeJS.ErrnoException): void => {
    failed ??= error
    wake?.()
  }
  const onDrain = (): void => wake?.()
  out.on('error', onError)
  out.on('drain', onDrain)
  try {
    for (let start = 0; start < count && !failed; start += LINES_PER_WRITE) {
      const end = Math.min(count, start + LINES_PER_WRITE)
      let chunk = ''
      for (let i = start; i < end; i++) chunk += `${line(i)}\n`
      if (!out.write(chunk)) await new Promise<void>((resolve) => (wake = resolve))
      wake = undefined
    }
    // The last chunk may still be queued: its error, if any, must reach our listener.
    if (!failed) await new Promise<void>((resolve) => out.write('', () => resolve()))
  } finally {
    out.off('error', onError)
    out.off('drain', onDrain)
  }
  if (failed && failed.code !== 'EPIPE') throw failed
}
