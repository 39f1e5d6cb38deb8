/** Lines gathered before each write: large enough to be cheap, small enough to stream. */
const LINES_PER_WRITE = 1000

/**
 * Writes `count` lines made one at a time by `line(i)` to stdout, a chunk at a time and
 * waiting when the pipe is full, so 100,000 rows are never one string in memory.
 */
export async function writeLines(count: number, line: (i: number) => string): Promise<void> {
  const out = process.stdout
  for (let start = 0; start < count; start += LINES_PER_WRITE) {
    const end = Math.min(count, start + LINES_PER_WRITE)
    let chunk = ''
    for (let i = start; i < end; i++) chunk += `${line(i)}\n`
    if (!out.write(chunk))
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error): void => {
          out.off('drain', done)
          out.off('error', done)
          if (error) reject(error)
          else resolve()
        }
        out.once('drain', done)
        out.once('error', done)
      })
  }
}
