import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentBootId, processStartTicks } from '../../../src/core/store/lock/processIdentity'
import { LibraryLock } from '../../../src/core/store/libraryLock'
import { Library } from '../../../src/core/store/Library'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-lock-review-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const lockPath = () => join(dir, 'dossier.lock')
const record = (fields: Record<string, unknown>) =>
  JSON.stringify({
    pid: process.ppid,
    hostname: hostname(),
    bootId: currentBootId(),
    kind: 'desktop app',
    startedAt: '2026-11-30T09:00:00.000Z',
    ...fields
  })

describe('the lock never locks an analyst out for good', () => {
  it('a live pid that started at another time is a reused pid: the lock is stale', async () => {
    // Our parent is alive, but the recorded start time is not its own.
    await writeFile(lockPath(), record({ processStart: '1' }))
    expect(processStartTicks(process.ppid)).not.toBe('1')
    const lock = await LibraryLock.acquire(dir, 'test')
    expect(lock.previousSessionCrashed).toBe(true)
    await lock.release()
  })

  it('a live holder with its own start time is respected', async () => {
    await writeFile(lockPath(), record({ processStart: processStartTicks(process.ppid) }))
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toThrow(/desktop app \(process/)
  })

  it('a record with only a pid is garbage, not "the Dossier undefined"', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: process.ppid }))
    const lock = await LibraryLock.acquire(dir, 'test')
    await lock.release()
  })

  it('a machine renamed since (same boot) is this machine', async () => {
    await writeFile(lockPath(), record({ hostname: 'old-name', pid: 999_999_999 }))
    const lock = await LibraryLock.acquire(dir, 'test')
    await lock.release()
  })

  it('another machine’s lock is respected, names the way out, and --break-lock takes it', async () => {
    await writeFile(lockPath(), record({ hostname: 'laptop-2', bootId: 'elsewhere' }))
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toThrow(/on laptop-2.*--break-lock/)
    const library = await Library.open(dir, 'test', { breakLock: true })
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid })
    await library.close()
    expect(await readdir(dir)).not.toContain('dossier.lock')
  })

  it('a lock that cannot be read for another reason than absence is respected', async () => {
    // A folder where the lock file should be: reading it fails with EISDIR.
    const { mkdir } = await import('node:fs/promises')
    await mkdir(lockPath())
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toThrow(/cannot be read/)
  })

  it('a close whose last writes fail leaves the lock unclean, so the next open checks', async () => {
    const lock = await LibraryLock.acquire(dir, 'test')
    await lock.release({ clean: false })
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ unclean: true })
    const next = await LibraryLock.acquire(dir, 'test')
    expect(next.previousSessionCrashed).toBe(true)
    await next.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('takeover leaves no temp files, its own included', async () => {
    await writeFile(join(dir, 'dossier.lock.takeover'), record({ pid: 999_999_999 }))
    await writeFile(lockPath(), record({ pid: 999_999_998 }))
    await writeFile(join(dir, 'dossier.lock.takeover.999999997.abcd.tmp'), 'x')
    const library = await Library.open(dir, 'test')
    await library.close()
    expect((await readdir(dir)).filter((name) => name.includes('dossier.lock'))).toEqual([])
  })
})
