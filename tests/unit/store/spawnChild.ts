import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { runTsArgs } from './runTsArgs'

/** A TypeScript child process and the lines of its stdout as they arrive. */
export interface Child {
  process: ChildProcessWithoutNullStreams
  /** Every complete stdout line so far. */
  lines: string[]
  /** Resolves with the first stdout line matching `pattern`; rejects if the child exits first. */
  line(pattern: RegExp): Promise<string>
  /** Resolves with the next stdout line not yet returned by `next`. */
  next(): Promise<string>
  /** Resolves once the child has exited and been reaped, so its pid is gone. */
  exited: Promise<void>
  stderr(): string
}

export function spawnChild(script: string, ...args: string[]): Child {
  const child = spawn(process.execPath, runTsArgs(script, ...args), { stdio: 'pipe' })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = once(child, 'exit').then(() => undefined)
  const reader = createInterface({ input: child.stdout })
  const lines: string[] = []
  reader.on('line', (line) => lines.push(line))
  let cursor = 0

  /** The first line from `from` on that passes `test`, as soon as it arrives. */
  const waitFor = (from: number, test: (line: string) => boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const found = lines.findIndex((line, i) => i >= from && test(line))
      if (found >= 0) return resolve(found)
      const onLine = (line: string): void => {
        if (!test(line)) return
        reader.off('line', onLine)
        resolve(lines.length - 1)
      }
      // Registered after the collector above, so `lines` already holds this line.
      reader.on('line', onLine)
      void exited.then(() => reject(new Error(`the child exited first: ${stderr}`)))
    })

  return {
    process: child,
    lines,
    exited,
    stderr: () => stderr,
    line: async (pattern) => lines[await waitFor(0, (line) => pattern.test(line))]!,
    next: async () => {
      const index = await waitFor(cursor, () => true)
      cursor = index + 1
      return lines[index]!
    }
  }
}
