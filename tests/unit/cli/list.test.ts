import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../src/shared/article'
import { formatTable } from '../../../src/cli/format'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from '../store/sampleArticle'
import { runDossier } from './runDossier'
import { repoRoot } from '../store/runTsArgs'

/** More articles than one streamed chunk (1,000 lines), with titles of different widths. */
const COUNT = 1203

let root: string
let data: string
let listed: ArticleMeta[]
let trashed: ArticleMeta[]

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-list-'))
  data = join(root, 'library')
  const library = await Library.open(data, 'test')
  try {
    await library.addArticles(
      Array.from({ length: COUNT }, (_, i) =>
        sampleArticle(`Report number ${i}.`, `Report ${'x'.repeat(i % 7)} ${i} – Velmora`)
      )
    )
    const ids = library.listArticles().map((a) => a.id)
    await library.deleteArticles(ids.slice(0, 3))
    listed = library.listArticles()
    trashed = library.listArticles({ trash: true })
  } finally {
    await library.close()
  }
}, 60_000)
afterAll(() => rm(root, { recursive: true, force: true }))

const table = (articles: ArticleMeta[]): string =>
  formatTable([
    ['ID', 'HIGHLIGHTS', 'CLAIMS', 'IMPORTED', 'TITLE'],
    ...articles.map((a) => [
      a.id,
      String(a.counts.highlights),
      String(a.counts.claims),
      a.importedAt.slice(0, 10),
      a.title
    ])
  ]) + '\n'

describe('dossier list, streamed', () => {
  it('prints the same aligned table as one string would, every row, newest first', async () => {
    const run = await runDossier(data, 'list')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe(table(listed))
    expect(run.stdout.split('\n')).toHaveLength(COUNT - 3 + 2)
  })

  it('prints the same bytes as JSON.stringify with --json', async () => {
    const run = await runDossier(data, '--json', 'list')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe(`${JSON.stringify(listed, null, 2)}\n`)
    const trash = await runDossier(data, '--json', 'list', '--trash')
    expect(trash.stdout).toBe(`${JSON.stringify(trashed, null, 2)}\n`)
  })

  it('pages with --offset and --limit, in the table and in JSON', async () => {
    const page = await runDossier(data, 'list', '--offset', '1000', '--limit', '5')
    expect(page.code, page.stderr).toBe(0)
    const lines = page.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines.slice(1).map((line) => line.split(' ')[0])).toEqual(
      listed.slice(1000, 1005).map((a) => a.id)
    )
    const json = await runDossier(data, '--json', 'list', '--limit', '2')
    expect(JSON.parse(json.stdout)).toEqual(listed.slice(0, 2))
    const past = await runDossier(data, 'list', '--offset', '5000')
    expect(past.stdout).toBe(`No articles past the first ${COUNT - 3}.\n`)
    expect((await runDossier(data, '--json', 'list', '--offset', '5000')).stdout).toBe('[]\n')
    const bad = await runDossier(data, 'list', '--limit', '0')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--limit')
  })

  it('does not hold the library while a slow reader is still reading (| less)', async () => {
    // --json: far more bytes than a pipe holds, so the writer must wait for its reader.
    const child = spawn(
      process.execPath,
      [resolve(repoRoot, 'bin/dossier.js'), '--data', data, '--json', 'list'],
      { env: { ...process.env, DOSSIER_DATA: '' } }
    )
    const chunks: Buffer[] = []
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const closed = once(child, 'close')
    chunks.push((await once(child.stdout, 'data'))[0] as Buffer)
    child.stdout.pause()
    // The reader has stopped; another process (this one) can open the library meanwhile.
    const other = await Library.open(data, 'test')
    expect(other.listArticles()).toHaveLength(COUNT - 3)
    await other.close()
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stdout.resume()
    const [code] = (await closed) as [number | null]
    expect(code, stderr).toBe(0)
    expect(Buffer.concat(chunks).toString()).toBe(`${JSON.stringify(listed, null, 2)}\n`)
  })

  it('ends quietly when its reader goes away (| head)', async () => {
    const child = spawn(
      process.execPath,
      [resolve(repoRoot, 'bin/dossier.js'), '--data', data, '--json', 'list'],
      { env: { ...process.env, DOSSIER_DATA: '' } }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const closed = once(child, 'close')
    await once(child.stdout, 'data')
    child.stdout.destroy()
    const [code] = (await closed) as [number | null]
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
