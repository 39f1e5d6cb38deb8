import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { LibraryLock } from '../../../src/core/store/libraryLock'
import { currentBootId } from '../../../src/core/store/lock/processIdentity'
import { nodeFileSystem, useStoreFileSystem } from '../../../src/core/store/storeFileSystem'
import { claimLibrary, span, wireText } from '../claims/claimLibrary'

/** What this machine pretends to lack: `/proc` (macOS, Windows), hard links (FAT, exFAT). */
const lacking = vi.hoisted(() => ({ proc: false, hardLinks: false }))

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  return {
    ...fs,
    readFileSync: ((path: string, ...rest: []) => {
      if (lacking.proc && String(path).startsWith('/proc/'))
        throw errno('ENOENT', `no such file or directory, open '${path}'`)
      return fs.readFileSync(path, ...rest)
    }) as typeof fs.readFileSync
  }
})

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    link: (async (from, to) => {
      // What Linux's vfat driver answers; exFAT and some network shares say ENOTSUP.
      if (lacking.hardLinks) throw errno('EPERM', `operation not permitted, link '${from}'`)
      return fs.link(from, to)
    }) as typeof fs.link
  }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-elsewhere-'))
})
afterEach(async () => {
  lacking.proc = false
  lacking.hardLinks = false
  await rm(dir, { recursive: true, force: true })
})

describe('Windows', () => {
  it('fsyncs no folder (it cannot open one; NTFS journals renames), so a save never fails on it', async () => {
    const missing = join(dir, 'no such folder')
    await expect(nodeFileSystem.syncFolder(missing)).rejects.toMatchObject({ code: 'ENOENT' })
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { value: 'win32' })
    try {
      await expect(nodeFileSystem.syncFolder(missing)).resolves.toBeUndefined()
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
  })

  it('retries a rename refused for a while (EBUSY, EPERM, EACCES) until it goes through', async () => {
    const env = await claimLibrary()
    const refusals = ['EBUSY', 'EPERM', 'EACCES', 'EBUSY']
    const restore = useStoreFileSystem({
      ...nodeFileSystem,
      async rename(from, to) {
        const code = to.includes('annotations') ? refusals.shift() : undefined
        if (code) throw errno(code, `resource busy or locked, rename '${from}'`)
        return nodeFileSystem.rename(from, to)
      }
    })
    try {
      const saved = await env.library.createAnnotation({
        articleId: env.wire.id,
        ...span(wireText, 'roughly 2,400'),
        color: 1
      })
      expect(refusals).toEqual([])
      const path = join(env.dataDir, 'annotations', `${env.wire.id}.json`)
      const stored = JSON.parse(await readFile(path, 'utf8')) as { annotations: { id: string }[] }
      expect(stored.annotations.map((a) => a.id)).toEqual([saved.id])
      const names = await readdir(join(env.dataDir, 'annotations'))
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
    } finally {
      restore()
      await env.cleanup()
    }
  })
})

describe('FAT and exFAT (no hard links)', () => {
  it('the lock is created exclusively instead: the library opens, a second holder is refused, nothing is left', async () => {
    lacking.hardLinks = true
    const library = await Library.open(dir, 'test')
    const record = JSON.parse(await readFile(join(dir, 'dossier.lock'), 'utf8'))
    expect(record).toMatchObject({ pid: process.pid, kind: 'test' })
    await expect(LibraryLock.acquire(dir, 'CLI')).rejects.toMatchObject({ code: 'locked' })
    // A backup falls back from linking unchanged files to copying them.
    await library.backUpNow()
    expect(await library.listBackups()).toHaveLength(1)
    await library.close()
    const names = await readdir(dir, { recursive: true })
    expect(names.filter((name) => name.includes('dossier.lock') || name.endsWith('.tmp'))).toEqual(
      []
    )
  })

  it('an empty lock is respected for 10 s (its holder may be writing it), then taken over', async () => {
    lacking.hardLinks = true
    await writeFile(join(dir, 'dossier.lock'), '')
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toMatchObject({ code: 'locked' })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 11_000)
      const lock = await LibraryLock.acquire(dir, 'test')
      expect(lock.previousSessionCrashed).toBe(true)
      await lock.release()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('macOS and Windows (no /proc)', () => {
  it('a boot is told by its boot time, the same at every reading within one boot', () => {
    const linux = currentBootId()
    lacking.proc = true
    const first = currentBootId()
    expect(first).toMatch(/^booted-\d+$/)
    expect(first).not.toBe(linux)
    expect(currentBootId()).toBe(first)
  })

  it('a lock left before a reboot is stale; one held in this boot by a live process is respected', async () => {
    lacking.proc = true
    const lock = (bootId: string) =>
      JSON.stringify({
        pid: process.ppid,
        hostname: hostname(),
        bootId,
        kind: 'desktop app',
        startedAt: '2026-11-30T09:00:00.000Z'
      })
    await writeFile(join(dir, 'dossier.lock'), lock(currentBootId()))
    await expect(LibraryLock.acquire(dir, 'test')).rejects.toThrow(/desktop app \(process/)
    await writeFile(join(dir, 'dossier.lock'), lock('booted-1'))
    const taken = await LibraryLock.acquire(dir, 'test')
    expect(taken.previousSessionCrashed).toBe(true)
    await taken.release()
  })
})
