import { readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoreFileSystem } from '../../../src/core/store/storeFileSystem'
import { nodeFileSystem, useStoreFileSystem } from '../../../src/core/store/storeFileSystem'
import { claimLibrary, span, wireText } from '../claims/claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
let restore: (() => void) | undefined
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(async () => {
  restore?.()
  restore = undefined
  await env.cleanup()
})

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

/** The real file system, with one step failing with `code` while `failing` is true. */
function faulty(step: 'create' | 'write' | 'sync' | 'rename', code: string) {
  const state = { failing: true }
  const fs: StoreFileSystem = {
    ...nodeFileSystem,
    async create(path, mode) {
      if (state.failing && step === 'create') throw errno(code)
      const real = await nodeFileSystem.create(path, mode)
      return {
        write: (data) =>
          state.failing && step === 'write' ? Promise.reject(errno(code)) : real.write(data),
        sync: () => (state.failing && step === 'sync' ? Promise.reject(errno(code)) : real.sync()),
        close: () => real.close()
      }
    },
    rename: (from, to) =>
      state.failing && step === 'rename'
        ? Promise.reject(errno(code))
        : nodeFileSystem.rename(from, to)
  }
  return { fs, state }
}

async function tempFiles(): Promise<string[]> {
  const names = await readdir(env.dataDir, { recursive: true })
  return names.filter((name) => name.endsWith('.tmp'))
}

describe('write failures (S11)', () => {
  it.each([
    ['a full disk (ENOSPC) while writing', 'write', 'ENOSPC'],
    ['an I/O error (EIO) on fsync', 'sync', 'EIO'],
    ['permission denied (EACCES) creating the temp file', 'create', 'EACCES'],
    ['a lasting EPERM on rename', 'rename', 'EPERM']
  ] as const)(
    '%s: the save is refused, nothing changes, no temp file stays',
    async (_case, step, code) => {
      const { library, wire } = env
      const kept = await library.createAnnotation({
        articleId: wire.id,
        ...span(wireText, 'Port strike'),
        color: 1
      })
      const path = join(env.dataDir, 'annotations', `${wire.id}.json`)
      const before = await readFile(path)
      const { fs, state } = faulty(step, code)
      restore = useStoreFileSystem(fs)
      await expect(
        library.createAnnotation({
          articleId: wire.id,
          ...span(wireText, 'roughly 2,400'),
          color: 2
        })
      ).rejects.toMatchObject({ code: 'io', message: expect.stringContaining(path) })
      expect(await readFile(path)).toEqual(before)
      expect((await library.listAnnotations(wire.id)).map((a) => a.id)).toEqual([kept.id])
      // A deferred write of the counts, or the interval backup due 10 s after the library
      // changed (on a slow machine it falls inside the fault), may still be retrying its
      // rename (5 s for each file); they too must clean up.
      await expect.poll(tempFiles, { timeout: 25_000 }).toEqual([])
      // Once the disk is fine again, the same save goes through.
      state.failing = false
      await library.createAnnotation({
        articleId: wire.id,
        ...span(wireText, 'roughly 2,400'),
        color: 2
      })
      expect(await library.listAnnotations(wire.id)).toHaveLength(2)
    },
    60_000
  )

  it('the data folder removed: the save is refused with the path, and the next open is whole', async () => {
    const { library, wire } = env
    await rename(join(env.dataDir, 'annotations'), join(env.dataDir, 'away'))
    await expect(
      library.createAnnotation({ articleId: wire.id, start: 0, end: 4, color: 1 })
    ).rejects.toMatchObject({ code: 'io' })
    await rename(join(env.dataDir, 'away'), join(env.dataDir, 'annotations'))
    expect(await library.listAnnotations(wire.id)).toEqual([])
  })

  it('a failed metadata edit leaves no trace, even of a field that was new (review)', async () => {
    const { library, wire } = env
    const { fs, state } = faulty('write', 'ENOSPC')
    restore = useStoreFileSystem(fs)
    await expect(library.updateArticle(wire.id, { author: 'A. Reporter' })).rejects.toMatchObject({
      code: 'io'
    })
    expect(library.findArticle(wire.id)).not.toHaveProperty('author')
    state.failing = false
    await library.updateArticle(wire.id, { title: 'Port strike, day three' })
    const stored = JSON.parse(await readFile(join(env.dataDir, 'library.json'), 'utf8'))
    const record = stored.articles.find((a: { id: string }) => a.id === wire.id)
    expect(record.title).toBe('Port strike, day three')
    expect(record).not.toHaveProperty('author')
  })

  it('a folder fsync failing after the rename: the change stands and the analyst is told', async () => {
    const { library, wire } = env
    restore = useStoreFileSystem({
      ...nodeFileSystem,
      syncFolder: () => Promise.reject(errno('EIO'))
    })
    const saved = await library.createAnnotation({ articleId: wire.id, start: 0, end: 4, color: 1 })
    expect((await library.listAnnotations(wire.id)).map((a) => a.id)).toEqual([saved.id])
    const onDisk = JSON.parse(
      await readFile(join(env.dataDir, 'annotations', `${wire.id}.json`), 'utf8')
    )
    expect(onDisk.annotations.map((a: { id: string }) => a.id)).toEqual([saved.id])
    expect(library.notices.join(' ')).toMatch(/could not be synced.*power cut/)
  })
})

describe('repairs found in review', () => {
  it('importing the same text again repairs a damaged body', async () => {
    const { library, wire } = env
    await library.close()
    const body = join(env.dataDir, 'bodies', `${wire.textSha256}.txt`)
    const { writeFile } = await import('node:fs/promises')
    await writeFile(body, 'scribbled over')
    const reopened = await env.reopen()
    await expect(reopened.getArticle(wire.id)).rejects.toMatchObject({ code: 'damaged' })
    const { sampleArticle } = await import('../store/sampleArticle')
    const [again] = await reopened.addArticles([
      sampleArticle(wireText, 'Port strike enters third day')
    ])
    expect(again!.status).toBe('duplicate')
    expect((await reopened.getArticle(wire.id)).text).toBe(wireText)
  })

  it('an article rebuilt from its text says its provenance is unknown', async () => {
    const { rm, writeFile } = await import('node:fs/promises')
    await env.library.close()
    await rm(join(env.dataDir, 'backups'), { recursive: true, force: true })
    await writeFile(join(env.dataDir, 'library.json'), '{"format":2,')
    const reopened = await env.reopen()
    const rebuilt = reopened.findArticle(env.wire.id)
    expect(rebuilt.origin).toMatchObject({ kind: 'recovered', encoding: 'unknown', byteSha256: '' })
  })
})
