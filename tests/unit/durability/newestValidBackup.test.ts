import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimLibrary, span, wireText } from '../claims/claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

describe('restoring from backups (S13)', () => {
  it('skips a newer backup whose copy no longer matches its manifest, and one never finished', async () => {
    const older = await env.library.createAnnotation({
      articleId: env.wire.id,
      ...span(wireText, 'roughly 2,400'),
      color: 1
    })
    const good = await env.library.backUpNow()
    await env.library.createAnnotation({
      articleId: env.wire.id,
      ...span(wireText, 'fewer than 1,100'),
      color: 2
    })
    const spoiled = await env.library.backUpNow()
    await env.library.close()
    const file = `annotations/${env.wire.id}.json`
    // The newer copy changed after it was verified (a disk error, a hand edit)…
    const copy = join(spoiled!.dir, file)
    const bytes = await readFile(copy, 'utf8')
    await writeFile(copy, bytes.replace('fewer than 1,100', 'fewer than 9,999'))
    // …and a backup killed before its manifest was written lies newest of all.
    const unfinished = join(env.dataDir, 'backups', '9999-12-31T23-59-59-999Z')
    await mkdir(join(unfinished, 'annotations'), { recursive: true })
    await writeFile(join(unfinished, file), bytes)
    await writeFile(join(env.dataDir, file), Buffer.alloc(bytes.length))

    const library = await env.reopen()
    expect((await library.listAnnotations(env.wire.id)).map((a) => a.id)).toEqual([older.id])
    const [problem] = library.listProblems()
    expect(problem!.restoredFrom).toBe(good!.takenAt)
    expect((await library.listBackups()).map((b) => b.dir)).not.toContain(unfinished)
  })
})
