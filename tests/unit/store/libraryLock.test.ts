import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryLock } from '../../../src/core/store/libraryLock'
import { Library } from '../../../src/core/store/Library'
import { DossierError } from '../../../src/shared/result'
import type { Child } from './spawnChild'
import { spawnChild } from './spawnChild'

let dir: string
const children: Child[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-lock-'))
})
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL')
    await child.exited
  }
  await rm(dir, { recursive: true, force: true })
})

function holdLibrary(kind: string): Child {
  const child = spawnChild('tests/unit/store/fixtures/holdLibrary.ts', dir, kind)
  children.push(child)
  return child
}

async function openError(): Promise<unknown> {
  return Library.open(dir, 'test').then(
    async (library) => {
      await library.close()
      return undefined
    },
    (error: unknown) => error
  )
}

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid!
}

describe('the library lock (S10)', () => {
  it('refuses a second process, naming the holder kind and pid', async () => {
    const holder = holdLibrary('web host')
    await holder.line(/^ready/)
    const error = await openError()
    expect(error).toBeInstanceOf(DossierError)
    expect((error as DossierError).code).toBe('locked')
    expect((error as DossierError).message).toContain('web host')
    expect((error as DossierError).message).toContain(`process ${holder.process.pid}`)
    expect((error as DossierError).message).toContain(dir)

    holder.process.stdin.end()
    await holder.exited
    expect(holder.process.exitCode).toBe(0)
    expect(await readdir(dir)).not.toContain('dossier.lock')
    await expect(openError()).resolves.toBeUndefined()
  })

  it('takes over the lock of a holder killed with SIGKILL', async () => {
    const holder = holdLibrary('desktop app')
    await holder.line(/^ready/)
    holder.process.kill('SIGKILL')
    await holder.exited
    expect(await readdir(dir)).toContain('dossier.lock')
    const library = await Library.open(dir, 'test')
    const record = JSON.parse(await readFile(join(dir, 'dossier.lock'), 'utf8')) as { pid: number }
    expect(record.pid).toBe(process.pid)
    await library.close()
  })

  it('takes over a lock left by a dead pid on this machine', async () => {
    const pid = await deadPid()
    await writeFile(
      join(dir, 'dossier.lock'),
      JSON.stringify({
        pid,
        hostname: hostname(),
        bootId: (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim(),
        kind: 'CLI',
        startedAt: new Date().toISOString()
      })
    )
    const lock = await LibraryLock.acquire(dir, 'test')
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('takes over a lock from a previous boot even if its pid is alive now', async () => {
    await writeFile(
      join(dir, 'dossier.lock'),
      JSON.stringify({
        pid: 1,
        hostname: hostname(),
        bootId: 'an-earlier-boot',
        kind: 'desktop app',
        startedAt: '2020-01-01T00:00:00.000Z'
      })
    )
    const lock = await LibraryLock.acquire(dir, 'test')
    await lock.release()
  })

  it.each([
    ['garbage', 'not json at all \u0000\u0001'],
    ['empty', ''],
    ['a JSON string', '"locked"'],
    ['null', 'null']
  ])('takes over a lock whose content is %s', async (_case, content) => {
    await writeFile(join(dir, 'dossier.lock'), content)
    // An empty lock is respected for a few seconds (it may be mid-write where the file
    // system has no hard links); this one was left a minute ago.
    const aMinuteAgo = new Date(Date.now() - 60_000)
    await utimes(join(dir, 'dossier.lock'), aMinuteAgo, aMinuteAgo)
    const lock = await LibraryLock.acquire(dir, 'test')
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('respects a lock held from another machine (a synced folder)', async () => {
    await writeFile(
      join(dir, 'dossier.lock'),
      JSON.stringify({
        pid: await deadPid(),
        hostname: 'another-machine.example',
        bootId: 'x',
        kind: 'desktop app',
        startedAt: '2020-01-01T00:00:00.000Z'
      })
    )
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining('another-machine.example')
    })
  })

  it('lets exactly one of several processes take over a stale lock at once', async () => {
    const racers = Array.from({ length: 5 }, () =>
      spawnChild('tests/unit/store/fixtures/acquireLock.ts')
    )
    children.push(...racers)
    for (const racer of racers) expect(await racer.next()).toBe('ready')
    const bootId = (
      await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')
    ).trim()
    const stale = JSON.stringify({
      pid: await deadPid(),
      hostname: hostname(),
      bootId,
      kind: 'CLI',
      startedAt: new Date().toISOString()
    })
    for (let round = 0; round < 12; round++) {
      const roundDir = join(dir, `round-${round}`)
      await mkdir(roundDir)
      await writeFile(join(roundDir, 'dossier.lock'), stale)
      for (const racer of racers) racer.process.stdin.write(`go ${roundDir}\n`)
      const outcomes = await Promise.all(racers.map((racer) => racer.next()))
      expect(
        outcomes.filter((line) => line === 'got'),
        `round ${round}`
      ).toHaveLength(1)
      for (const outcome of outcomes.filter((line) => line !== 'got'))
        expect(outcome).toMatch(/^refused .*in use by the Dossier test/)
      for (const racer of racers) racer.process.stdin.write('release\n')
      for (const racer of racers) expect(await racer.next()).toBe('released')
      expect(await readdir(roundDir)).toEqual([])
    }
  })

  it('release removes the lock file and leaves no temp file; a second release is harmless', async () => {
    const lock = await LibraryLock.acquire(dir, 'test')
    expect(await readdir(dir)).toEqual(['dossier.lock'])
    await lock.release()
    await lock.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('release does not remove a lock that another process has taken since', async () => {
    const lock = await LibraryLock.acquire(dir, 'test')
    const theirs = JSON.stringify({ pid: 4242, hostname: 'other', kind: 'CLI', bootId: '' })
    await writeFile(lock.path, theirs)
    await lock.release()
    expect(await readFile(lock.path, 'utf8')).toBe(theirs)
  })
})
