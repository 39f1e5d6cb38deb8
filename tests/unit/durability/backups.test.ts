import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { docToPlain, plainToDoc } from '../../../src/shared/richText'
import { claimLibrary, span, wireText } from '../claims/claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(async () => {
  vi.useRealTimers()
  await env.cleanup()
})

const backupsOf = (dataDir: string) => readdir(join(dataDir, 'backups')).catch(() => [] as string[])

async function highlight(library: Library, quote: string, note = ''): Promise<string> {
  const made = await library.createAnnotation({
    articleId: env.wire.id,
    ...span(wireText, quote),
    color: 2,
    note: plainToDoc(note)
  })
  return made.id
}

describe('backups', () => {
  it('are taken on quit after changes, verified, and unchanged files are shared', async () => {
    await highlight(env.library, 'roughly 2,400 workers', 'union figure')
    await env.library.close()
    const [first] = await backupsOf(env.dataDir)
    expect(first).toBeDefined()
    const manifest = JSON.parse(
      await readFile(join(env.dataDir, 'backups', first!, 'backup.json'), 'utf8')
    )
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['library.json', `annotations/${env.wire.id}.json`])
    )
    // Bodies are never rewritten, so never backed up; the claims index is derived.
    expect(manifest.files.some((f: { path: string }) => /bodies|claims-index/.test(f.path))).toBe(
      false
    )

    const library = await env.reopen()
    await library.createAnnotation({ articleId: env.opinion.id, start: 0, end: 3, color: 1 })
    await library.close()
    const [second] = (await backupsOf(env.dataDir)).sort().reverse()
    expect(second).not.toBe(first)
    const inode = async (name: string) =>
      (await stat(join(env.dataDir, 'backups', name, 'annotations', `${env.wire.id}.json`))).ino
    expect(await inode(second!)).toBe(await inode(first!))
  })

  it('a session without changes takes none', async () => {
    await env.library.close()
    const before = await backupsOf(env.dataDir)
    await env.reopen()
    await env.library.close()
    expect(await backupsOf(env.dataDir)).toEqual(before)
  })

  it('rotation keeps the newest ones and one a day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const day = (n: number) => new Date(Date.UTC(2026, 10, 20 + n, 12)).getTime()
    let library = env.library
    for (let n = 0; n < 6; n++) {
      vi.setSystemTime(day(n))
      for (let i = 0; i < 2; i++) {
        vi.setSystemTime(day(n) + i * 60_000)
        await library.backUpNow()
      }
    }
    await library.close()
    library = await Library.open(env.dataDir, 'test', { backups: { recent: 3, days: 4 } })
    vi.setSystemTime(day(5) + 120_000)
    await library.backUpNow()
    const kept = (await library.listBackups()).map((b) => b.takenAt.slice(0, 16))
    await library.close()
    // The 3 newest, then the newest of each earlier day within 4 days.
    expect(kept).toEqual([
      '2026-11-25T12:02',
      '2026-11-25T12:01',
      '2026-11-25T12:00',
      '2026-11-24T12:01',
      '2026-11-23T12:01',
      '2026-11-22T12:01'
    ])
  })
  it('rotation removes an unfinished backup, and never a folder it cannot read', async () => {
    const root = join(env.dataDir, 'backups')
    await env.library.backUpNow()
    const [taken] = await backupsOf(env.dataDir)
    const manifest = await readFile(join(root, taken!, 'backup.json'), 'utf8')
    const folder = async (name: string, manifestText?: string): Promise<void> => {
      await mkdir(join(root, name), { recursive: true })
      await writeFile(join(root, name, 'notes.txt'), 'kept')
      if (manifestText !== undefined) await writeFile(join(root, name, 'backup.json'), manifestText)
    }
    // Killed while taking it: named as a backup, no manifest yet.
    await folder('2026-01-01T00-00-00-000Z')
    // The analyst's own copy, a damaged manifest, one from a newer Dossier.
    await folder('my copy before the trip')
    await folder('2026-01-02T00-00-00-000Z', manifest.slice(0, 20))
    await folder('2026-01-03T00-00-00-000Z', manifest.replace('"format":1', '"format":9'))
    await env.library.backUpNow()
    const left = await backupsOf(env.dataDir)
    expect(left).not.toContain('2026-01-01T00-00-00-000Z')
    expect(left).toEqual(
      expect.arrayContaining([
        'my copy before the trip',
        '2026-01-02T00-00-00-000Z',
        '2026-01-03T00-00-00-000Z'
      ])
    )
    expect(await readFile(join(root, 'my copy before the trip', 'notes.txt'), 'utf8')).toBe('kept')
    expect((await env.library.listBackups()).length).toBe(2)
  })
})

describe('recovery on start', () => {
  it('a damaged annotation file is restored from the newest backup, with newer entries salvaged', async () => {
    const older = await highlight(env.library, 'roughly 2,400 workers', 'union figure')
    await env.library.backUpNow()
    const newer = await highlight(env.library, 'fewer than 1,100', 'authority figure')
    await env.library.close()
    const path = join(env.dataDir, 'annotations', `${env.wire.id}.json`)
    const full = await readFile(path, 'utf8')
    // Truncated after the second highlight: the end of the file is gone.
    const cut = full.indexOf('"claims"')
    await writeFile(path, full.slice(0, cut))
    const damaged = await readFile(path)

    const library = await env.reopen()
    const ids = (await library.listAnnotations(env.wire.id)).map((a) => a.id)
    expect(ids.sort()).toEqual([older, newer].sort())
    const [problem] = library.listProblems()
    expect(problem!.message).toMatch(/restored annotations\/[0-9a-f]{16}\.json from the backup of/)
    expect(problem!.message).toMatch(/recovered 2 entries from the damaged file/)
    expect(problem!.message).toContain(problem!.movedTo)
    expect(await readFile(problem!.movedTo)).toEqual(damaged)
    expect(problem!.blocks).toBeUndefined()
    // The problem stays until acknowledged, also after a restart.
    const again = await env.reopen()
    expect(again.listProblems().map((p) => p.id)).toEqual([problem!.id])
    await again.acknowledgeProblem(problem!.id)
    expect(again.listProblems()).toEqual([])
  })

  it('damaged settings and a damaged problem log are restored from the newest backup before any rotation', async () => {
    await highlight(env.library, 'roughly 2,400 workers', 'union figure')
    await env.library.setBackupRetention({ recent: 30, days: 365 })
    for (let i = 0; i < 12; i++) await env.library.backUpNow()
    await env.library.close()
    // A problem the analyst has not acknowledged yet, in the log the next backup holds.
    const annotations = join(env.dataDir, 'annotations', `${env.wire.id}.json`)
    await truncate(annotations, 10)
    let library = await env.reopen()
    // Read when the article is first opened.
    expect(await library.listAnnotations(env.wire.id)).toHaveLength(1)
    const [earlier] = library.listProblems()
    expect(earlier!.file).toBe(annotations)
    await library.backUpNow()
    await library.close()

    await truncate(join(env.dataDir, 'settings.json'), 5)
    await truncate(join(env.dataDir, 'problems.json'), 5)
    library = await env.reopen()
    expect(library.backupRetention).toEqual({ recent: 30, days: 365 })
    await library.backUpNow()
    expect(await library.listBackups()).toHaveLength(14)
    const problems = library.listProblems()
    expect(problems.map((p) => p.file)).toEqual([
      annotations,
      join(env.dataDir, 'problems.json'),
      join(env.dataDir, 'settings.json')
    ])
    expect(problems[0]!.id).toBe(earlier!.id)
    expect(problems[1]!.restoredFrom).toBeDefined()
    expect(problems[2]!.message).toMatch(
      /settings\.json is damaged .* restored it from the backup of/
    )
    const settings = JSON.parse(await readFile(join(env.dataDir, 'settings.json'), 'utf8'))
    expect(settings.backups).toMatchObject({ recent: 30, days: 365 })
  })

  it('without a backup, every readable entry is salvaged and changes wait for the analyst', async () => {
    const id = await highlight(env.library, 'roughly 2,400 workers', 'union figure')
    const lost = await highlight(env.library, 'fewer than 1,100', 'authority figure')
    await env.library.close()
    await rm(join(env.dataDir, 'backups'), { recursive: true })
    const path = join(env.dataDir, 'annotations', `${env.wire.id}.json`)
    const full = await readFile(path, 'utf8')
    // Cut in the middle of the second highlight: the first is whole, the second is not.
    await writeFile(path, full.slice(0, full.indexOf(lost) + 10))
    const library = await env.reopen()
    const salvaged = await library.listAnnotations(env.wire.id)
    expect(salvaged.map((a) => [a.id, docToPlain(a.note)])).toEqual([[id, 'union figure']])
    const [problem] = library.listProblems()
    expect(problem!.message).toMatch(/no backup/)
    await expect(
      library.createAnnotation({ articleId: env.wire.id, start: 0, end: 4, color: 1 })
    ).rejects.toThrow(/acknowledge/)
    // Other articles can still be changed.
    await library.createAnnotation({ articleId: env.opinion.id, start: 0, end: 4, color: 1 })
    // And no backup is taken of a library flagged damaged.
    expect(await library.backUpNow()).toBeUndefined()
    await library.acknowledgeProblem(problem!.id)
    await library.createAnnotation({ articleId: env.wire.id, start: 0, end: 4, color: 1 })
    expect(await library.backUpNow()).toBeDefined()
  })

  it('a damaged library.json is restored from a backup, texts imported since added back', async () => {
    await env.library.updateArticle(env.wire.id, { source: 'Velmora Wire', tags: ['wire'] })
    await env.library.backUpNow()
    await env.library.close()
    await truncate(join(env.dataDir, 'library.json'), 40)
    const library = await env.reopen()
    expect(library.findArticle(env.wire.id)).toMatchObject({
      source: 'Velmora Wire',
      tags: ['wire']
    })
    expect(library.listArticles()).toHaveLength(3)
    expect(library.listProblems()[0]!.message).toMatch(/list of articles.*restored library\.json/)
  })

  it('a damaged library.json without a backup opens read-only, rebuilt from the texts', async () => {
    await env.library.close()
    await rm(join(env.dataDir, 'backups'), { recursive: true, force: true })
    await writeFile(join(env.dataDir, 'library.json'), '\0\0\0\0')
    const library = await env.reopen()
    expect(library.listArticles()).toHaveLength(3)
    await expect(library.updateArticle(env.wire.id, { title: 'x' })).rejects.toThrow(/read-only/)
    const [problem] = library.listProblems()
    expect(problem!.blocks).toBe('library')
    await library.acknowledgeProblem(problem!.id)
    await library.updateArticle(env.wire.id, { title: 'Port strike, day three' })
  })
})
