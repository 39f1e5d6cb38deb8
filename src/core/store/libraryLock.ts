import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { link, open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { DossierError } from '../../shared/result'
import { OWNER_ONLY_FILE } from './ownerOnly'

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
const TAKEOVER_ATTEMPTS = 50

/** One writer per library: a lock file in the data folder, taken over when stale. */
export class LibraryLock {
  readonly path: string
  /**
   * The previous holder died without releasing the lock (crash, kill, power loss): its
   * last moments may have left temp files and counts that need tidying.
   */
  readonly previousSessionCrashed: boolean
  #released = false

  private constructor(path: string, previousSessionCrashed: boolean) {
    this.path = path
    this.previousSessionCrashed = previousSessionCrashed
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
    let foundStale = false
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
      if (await createWithContent(path, JSON.stringify(record)))
        return new LibraryLock(path, foundStale)
      const holder = await readLock(path)
      if (holder && isAlive(holder)) {
        throw new DossierError(
          'locked',
          `The library in ${dataDir} is in use by the Dossier ${holder.kind} (process ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}). Close it first, or use another library with --data.`
        )
      }
      // Stale: the holder died without releasing. Remove it and race for a fresh lock.
      foundStale = true
      await removeStaleLock(path, JSON.stringify(record))
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
 * Removes a stale lock while holding `<lock>.takeover`. Without it, two processes that
 * both found the same stale lock could each remove it, and the slower one would remove
 * the lock the faster one had just taken: both would then believe they hold the library.
 * Only this function removes another process's lock, so re-checking under the takeover
 * lock is enough.
 */
async function removeStaleLock(path: string, record: string): Promise<void> {
  const takeover = `${path}.takeover`
  if (!(await createWithContent(takeover, record))) {
    const other = await readLockFile(takeover)
    // A process that died in the few milliseconds of its takeover leaves this behind.
    if (other !== 'missing' && (!other || !isAlive(other))) await rm(takeover, { force: true })
    // Another process is taking over; it will hold the lock in a moment.
    else await sleep(5 + Math.random() * 20)
    return
  }
  try {
    // A missing lock may be created by another process at any moment: leave that alone.
    const holder = await readLockFile(path)
    if (holder !== 'missing' && (!holder || !isAlive(holder))) await rm(path, { force: true })
  } finally {
    await rm(takeover, { force: true })
  }
}

/**
 * Creates `path` holding `content`, or returns false if it exists. The content is written
 * to a temp file first and hard-linked into place, so no reader ever sees an empty lock.
 */
async function createWithContent(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(temp, 'wx', OWNER_ONLY_FILE)
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
  const record = await readLockFile(path)
  return record === 'missing' ? undefined : record
}

/** The lock's record; undefined when it is unreadable, i.e. stale. */
async function readLockFile(path: string): Promise<LockRecord | 'missing' | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    return undefined
  }
  try {
    const record = JSON.parse(text) as LockRecord | null
    return typeof record?.pid === 'number' ? record : undefined
  } catch {
    // Half-written or damaged: no live process holds a lock like that.
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
