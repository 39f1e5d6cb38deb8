import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../store/runTsArgs'

const RUNS = 16
let root: string
let data: string
let articleId: string

async function dossier(
  args: string[],
  killAfterMs?: number
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [resolve(repoRoot, 'bin/dossier.js'), '--data', data, ...args],
    {
      env: { ...process.env, DOSSIER_DATA: '' }
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  const [code] = (await once(child, 'close')) as [number | null]
  clearTimeout(timer)
  return { code, stdout, stderr }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-kill-'))
  data = join(root, 'library')
  const file = join(root, 'strike.txt')
  await writeFile(
    file,
    'Harbour strike enters third day\n\nDock workers walked out on Monday. The port is closed.\n'
  )
  const imported = await dossier(['--json', 'import', file])
  articleId = (JSON.parse(imported.stdout) as { article: { id: string } }[])[0]!.article.id
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('the CLI is a writer too', () => {
  it('`dossier annotate` killed at any moment loses no acknowledged annotation and leaves a library the next command opens', async () => {
    const acknowledged: string[] = []
    for (let run = 0; run < RUNS; run++) {
      // From killed at once to finished, spread over the command's life.
      const result = await dossier(
        ['--json', 'annotate', articleId, '--quote', 'Dock workers', '--note', `run ${run}`],
        run === RUNS - 1 ? undefined : 30 + run * 40
      )
      if (result.code === 0) acknowledged.push((JSON.parse(result.stdout) as { id: string }).id)
      const shown = await dossier(['--json', 'show', articleId])
      expect(shown.code, shown.stderr).toBe(0)
      const ids = (JSON.parse(shown.stdout) as { annotations: { id: string }[] }).annotations.map(
        (a) => a.id
      )
      expect(acknowledged.filter((id) => !ids.includes(id))).toEqual([])
      expect(shown.stderr).not.toMatch(/damaged/)
    }
    expect(acknowledged.length).toBeGreaterThan(0)
    const names = await readdir(data, { recursive: true })
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
  }, 180_000)
})
