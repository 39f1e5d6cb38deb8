import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { repoRoot } from '../store/runTsArgs'

/** What one `dossier` process printed, and how it exited. */
export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node bin/dossier.js --data <data> …args` (the built CLI) and collects its output. */
export async function runDossier(data: string, ...args: string[]): Promise<Run> {
  const child = spawn(
    process.execPath,
    [resolve(repoRoot, 'bin/dossier.js'), '--data', data, ...args],
    { env: { ...process.env, DOSSIER_DATA: '' } }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout, stderr }
}

/**
 * Every file of a library folder and its content (the lock aside), to prove that a refused
 * command changed nothing on disk.
 */
export async function storedFiles(data: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(data, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'dossier.lock') continue
    const path = join(entry.parentPath, entry.name)
    files[path.slice(data.length + 1)] = await readFile(path, 'utf8')
  }
  return files
}
