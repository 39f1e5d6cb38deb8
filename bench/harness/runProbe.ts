import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { z } from 'zod'

/**
 * Runs `bench/probes/<probe>.ts` in a fresh Node process (cold V8 heap, nothing loaded)
 * and parses the JSON line it prints last. `--expose-gc` lets probes settle the heap
 * before reading memory figures.
 */
export function runProbe<T>(
  repoRoot: string,
  probe: string,
  args: string[],
  schema: z.ZodType<T>
): Promise<T> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      join(repoRoot, 'bin', 'run-ts.js'),
      join(repoRoot, 'bench', 'probes', `${probe}.ts`),
      ...args
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`probe ${probe} exited with ${code}: ${stderr.trim()}`))
        return
      }
      const lastLine = stdout.trim().split('\n').at(-1) ?? ''
      const parsed = schema.safeParse(JSON.parse(lastLine))
      if (parsed.success) resolve(parsed.data)
      else reject(new Error(`probe ${probe} printed an unexpected result: ${lastLine}`))
    })
  })
}
