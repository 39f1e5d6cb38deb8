import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryProblem } from '../../../src/shared/problem'
import { runDossier } from './runDossier'

let root: string
let data: string
let articleId: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-problems-'))
  data = join(root, 'library')
  const file = join(root, 'strike.txt')
  await writeFile(file, 'Harbour strike enters third day\n\nDock workers walked out on Monday.\n')
  const imported = await runDossier(data, '--json', 'import', file)
  articleId = (JSON.parse(imported.stdout) as { article: { id: string } }[])[0]!.article.id
  await runDossier(data, 'annotate', articleId, '--quote', 'Dock workers', '--note', 'who?')
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('dossier backup and dossier problems', () => {
  it('backup takes a verified backup and --list lists it', async () => {
    const taken = await runDossier(data, '--json', 'backup')
    expect(taken.code, taken.stderr).toBe(0)
    const backup = JSON.parse(taken.stdout) as { dir: string; files: number }
    const manifest = JSON.parse(await readFile(join(backup.dir, 'backup.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(
      `annotations/${articleId}.json`
    )
    const listed = await runDossier(data, 'backup', '--list')
    expect(listed.stdout).toContain(backup.dir)
  })

  it('a damaged file is reported after every command until acknowledged', async () => {
    await writeFile(join(data, 'annotations', `${articleId}.json`), '{"format":2,"annot')
    const shown = await runDossier(data, '--json', 'show', articleId)
    expect(shown.code).toBe(0)
    // Restored from the backup: the highlight is there, and the analyst is told.
    expect((JSON.parse(shown.stdout) as { annotations: unknown[] }).annotations).toHaveLength(1)
    expect(shown.stderr).toMatch(/restored annotations\/[0-9a-f]{16}\.json from the backup of/)
    const again = await runDossier(data, 'list')
    expect(again.stderr).toMatch(/acknowledge with: dossier problems --ack/)
    const problems = JSON.parse(
      (await runDossier(data, '--json', 'problems')).stdout
    ) as LibraryProblem[]
    expect(problems).toHaveLength(1)
    const acked = await runDossier(data, 'problems', '--ack', problems[0]!.id)
    expect(acked.code).toBe(0)
    expect(acked.stdout).toContain('No open problems.')
    expect((await runDossier(data, 'list')).stderr).toBe('')
  })
})

describe('dossier backup --keep --days', () => {
  it('stores the retention in settings.json, and every later open rotates by it', async () => {
    for (let n = 0; n < 3; n++) expect((await runDossier(data, 'backup')).code).toBe(0)
    const set = await runDossier(data, '--json', 'backup', '--keep', '2', '--days', '0')
    expect(set.code, set.stderr).toBe(0)
    const settings = JSON.parse(await readFile(join(data, 'settings.json'), 'utf8'))
    expect(settings).toMatchObject({ format: 2, backups: { recent: 2, days: 0 } })
    expect(Date.parse(settings.backups.updatedAt)).toBeGreaterThan(0)
    // A later process (as the desktop app or the web host would be) rotates by it.
    expect((await runDossier(data, 'backup')).code).toBe(0)
    const backups = JSON.parse((await runDossier(data, '--json', 'backup', '--list')).stdout)
    expect(backups).toHaveLength(2)
    // The settings file is backed up with the rest.
    const manifest = JSON.parse(await readFile(join(backups[0].dir, 'backup.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('settings.json')
    // Only --days changes days; the stored keep stays.
    await runDossier(data, 'backup', '--days', '3')
    expect(JSON.parse(await readFile(join(data, 'settings.json'), 'utf8')).backups).toMatchObject({
      recent: 2,
      days: 3
    })
  })

  it('refuses a bad value naming the option; a damaged settings file is restored from the newest backup, or the defaults apply', async () => {
    const bad = await runDossier(data, 'backup', '--keep', '0')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--keep/)
    const tooMany = await runDossier(data, 'backup', '--keep', '5000')
    expect(tooMany.code).not.toBe(0)
    expect(tooMany.stderr).toMatch(/keep: must be a whole number from 1 to 1000/)
    await writeFile(join(data, 'settings.json'), '{"format":2,"backups":{"recent":"ten"')
    const listed = await runDossier(data, 'backup', '--list')
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stderr).toMatch(/settings\.json is damaged .* restored it from the backup of/)
    expect(listed.stdout).toMatch(/Keeping the newest 2 and one a day for 3 days/)
    const { readdir } = await import('node:fs/promises')
    expect((await readdir(data)).some((name) => name.startsWith('settings.json.damaged-'))).toBe(
      true
    )
    // With no backup to restore it from, the defaults apply.
    await rm(join(data, 'backups'), { recursive: true })
    await writeFile(join(data, 'settings.json'), '{"format":2,"backups":{"recent":"ten"')
    const defaults = await runDossier(data, 'backup', '--list')
    expect(defaults.code, defaults.stderr).toBe(0)
    expect(defaults.stderr).toMatch(/settings\.json is damaged .* no backup of it/)
    expect(defaults.stdout).toMatch(/Keeping the newest 10 and one a day for 7 days/)
  })
})
