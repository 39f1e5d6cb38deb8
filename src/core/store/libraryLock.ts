import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { link, open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DossierError } from '../../shared/result'

/** Which kind of Dossier process holds a library. */
export type HolderKind = 'desktop app' | 'web host' | 'CLI' | 'benchmark' | 'test'

interface LockRecord {
  pid: number
  hostname: string
  bootId: string
  kind: HolderKind
  startedAt: string
}

const LOCK_FILE = 'dossier.lock'

/** One writer per library: a lock file in the data folder, taken over when stale. */
export class LibraryLock {
  readonly path: string
  #released = false

  private constructor(path: string) {
    this.path = path
  }

  /**
   * Takes the lock, or throws `locked` naming the process that holds it. A lock left by a
   * process that is gone (crash, kill -9, reboot) is recognised as stale and taken over.
   */
  static async acquire(dataDir: string, kind: HolderKind): Promise<LibraryLock> {
    const path = join(dataDir, LOCK_FILE)
    const record: LockRecord = {
      pid: process.pid,
      hostname: hostname(),
      bootId: currentBootId(),
      kind,
      startedAt: new Date().toISOString()
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await createWithContent(path, JSON.stringify(record))) return new LibraryLock(path)
      const holder = await readLock(path)
      if (holder && isAlive(holder)) {
        throw new DossierError(
          'locked',
          `The library in ${dataDir} is in use by the Dossier ${holder.kind} (process ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}). Close it first, or use another library with --data.`
        )
      }
      // Stale: the holder died without releasing. Remove it and race for a fresh lock.
      await rm(path, { force: true })
    }
    throw new DossierError(
      'locked',
      `Could not take the lock ${path}; another process keeps taking it.`
    )
  }

  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    const holder = await readLock(this.path)
    if (holder?.pid === process.pid && holder.hostname === hostname())
      await rm(this.path, { force: true })
  }
}

/**
 * Creates `path` holding `content`, or returns false if it exists. The content is written
 * to a temp file first and hard-linked into place, so no reader ever sees an empty lock.
 */
async function createWithContent(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await link(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await rm(temp, { force: true })
  }
}

async function readLock(path: string): Promise<LockRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as LockRecord
    return typeof record.pid === 'number' ? record : undefined
  } catch {
    // Unreadable or half-written by a process that died while taking it: stale.
    return undefined
  }
}

function isAlive(holder: LockRecord): boolean {
  // A lock from another machine (a synced folder) cannot be checked: respect it.
  if (holder.hostname !== hostname()) return true
  if (holder.bootId !== currentBootId()) return false
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

let bootId: string | undefined
/** Identifies this boot on Linux, so a pid reused after a reboot is not mistaken for the holder. */
function currentBootId(): string {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    } catch {
      bootId = ''
    }
  }
  return bootId
}
