import { randomBytes } from 'node:crypto'
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { DossierError } from '../../shared/result'
import { currentBootId, isRunning, isSameBoot, processStartTicks } from './lock/processIdentity'
import { OWNER_ONLY_FILE } from './ownerOnly'
import { syncFolder } from './writeFileDurable'

/** Which kind of Dossier process holds a library. */
export type HolderKind = 'desktop app' | 'web host' | 'CLI' | 'benchmark' | 'test'

const LockRecord = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  bootId: z.string(),
  /** The holder's start time (Linux clock ticks), to tell a reused pid from the holder. */
  processStart: z.string().optional(),
  kind: z.enum(['desktop app', 'web host', 'CLI', 'benchmark', 'test']),
  startedAt: z.string(),
  /** Set by a holder whose last writes failed: the next one must check the library. */
  unclean: z.boolean().optional()
})
type LockRecord = z.infer<typeof LockRecord>

const LOCK_FILE = 'dossier.lock'
const TAKEOVER_ATTEMPTS = 50
/** An empty lock (a file system without hard links, a writer killed mid-write) older than this is stale. */
const EMPTY_LOCK_GRACE_MS = 10_000
/** Errors of file systems without hard links (FAT, exFAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

export interface AcquireOptions {
  /**
   * Takes the lock even from a holder that looks alive (`--break-lock`): for a lock left on
   * another machine or container, or by a process that can no longer be checked. The
   * library is then checked as after a crash.
   */
  breakLock?: boolean
}

/** One writer per library: a lock file in the data folder, taken over when stale. */
export class LibraryLock {
  readonly path: string
  /**
   * The previous holder died without releasing the lock (crash, kill, power loss), or
   * released it after failed writes: temp files, counts and indexes need checking.
   */
  readonly previousSessionCrashed: boolean
  readonly #record: string
  #released = false

  private constructor(path: string, record: string, previousSessionCrashed: boolean) {
    this.path = path
    this.#record = record
    this.previousSessionCrashed = previousSessionCrashed
  }

  /**
   * Takes the lock, or throws `locked` naming the process that holds it. A lock left by a
   * process that is gone (crash, kill -9, reboot, reused pid) is recognised as stale and
   * taken over; after taking it, the lock is read again to be sure it is ours.
   */
  static async acquire(
    dataDir: string,
    kind: HolderKind,
    options: AcquireOptions = {}
  ): Promise<LibraryLock> {
    const path = join(dataDir, LOCK_FILE)
    const start = processStartTicks(process.pid)
    const record: LockRecord = {
      pid: process.pid,
      hostname: hostname(),
      bootId: currentBootId(),
      ...(start ? { processStart: start } : {}),
      kind,
      startedAt: new Date().toISOString()
    }
    const content = JSON.stringify(record)
    let foundStale = false
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
      if (await createWithContent(path, content)) {
        await syncFolder(dataDir)
        // Re-check: a racing takeover must never leave two holders.
        if ((await readFile(path, 'utf8').catch(() => '')) === content)
          return new LibraryLock(path, content, foundStale)
        continue
      }
      const holder = await readLockFile(path)
      if (holder.state === 'held' && !options.breakLock) {
        throw new DossierError('locked', describeHolder(dataDir, holder.record))
      }
      // Stale (or broken on purpose): move it away atomically and race for a fresh lock.
      foundStale = true
      await removeStaleLock(path, holder.text, options.breakLock === true, content)
    }
    throw new DossierError(
      'locked',
      `Could not take the lock ${path}; another process keeps taking it.`
    )
  }

  /**
   * Releases the lock. With `clean: false` (the last writes failed) the lock is left marked
   * unclean rather than removed, so the next holder checks the library as after a crash.
   */
  async release({ clean = true }: { clean?: boolean } = {}): Promise<void> {
    if (this.#released) return
    this.#released = true
    const current = await readFile(this.path, 'utf8').catch(() => undefined)
    if (current !== this.#record) return
    if (clean) {
      await rm(this.path, { force: true })
      return
    }
    const marked = JSON.stringify({ ...(JSON.parse(current) as LockRecord), unclean: true })
    const temp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeSynced(temp, marked)
      await rename(temp, this.path)
    } catch {
      await rm(temp, { force: true })
    }
  }
}

function describeHolder(dataDir: string, holder: LockRecord): string {
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`
  return `The library in ${dataDir} is in use by the Dossier ${holder.kind} (process ${holder.pid}${where}, since ${holder.startedAt}). Close it first, or use another library with --data. If that process is gone (another machine, a container, a synced folder), run \`dossier --break-lock list\` to take the lock over.`
}

type LockState =
  | { state: 'missing'; text: '' }
  | { state: 'held'; record: LockRecord; text: string }
  | { state: 'stale'; text: string }

/**
 * What a lock file says. Unreadable for another reason than absence (permissions, I/O):
 * respected as held, never taken on a guess. Garbage or an incomplete record: stale.
 */
async function readLockFile(path: string): Promise<LockState> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', text: '' }
    throw new DossierError(
      'locked',
      `The lock ${path} cannot be read (${(error as Error).message}); Dossier will not take it over on a guess.`
    )
  }
  if (text === '') {
    // Being written where hard links are missing, or left by a writer killed mid-write.
    const age = await stat(path).then(
      (info) => Date.now() - info.mtimeMs,
      () => Infinity
    )
    if (age < EMPTY_LOCK_GRACE_MS) return { state: 'held', record: emptyHolder(), text }
    return { state: 'stale', text }
  }
  let parsed
  try {
    parsed = LockRecord.safeParse(JSON.parse(text))
  } catch {
    return { state: 'stale', text }
  }
  if (!parsed.success) return { state: 'stale', text }
  return isAlive(parsed.data)
    ? { state: 'held', record: parsed.data, text }
    : { state: 'stale', text }
}

function emptyHolder(): LockRecord {
  return { pid: 0, hostname: 'unknown', bootId: '', kind: 'CLI', startedAt: 'just now' }
}

function isAlive(holder: LockRecord): boolean {
  if (holder.unclean) return false
  const sameBoot = isSameBoot(holder.bootId, currentBootId())
  // Another machine (a synced folder) cannot be checked: respect it, unless it is this
  // very boot under another name (a renamed machine).
  if (holder.hostname !== hostname() && !sameBoot) return true
  if (!sameBoot) return false
  if (holder.pid === process.pid) return holder.processStart === processStartTicks(process.pid)
  if (!isRunning(holder.pid)) return false
  // A live pid that started at another time is a reused pid.
  const start = processStartTicks(holder.pid)
  return holder.processStart === undefined || start === undefined || start === holder.processStart
}

/**
 * Removes a stale lock while holding `<lock>.takeover`. The lock is moved aside by an
 * atomic rename and its content compared with what was judged stale: if a fresh lock took
 * its place meanwhile, it is put back. Only this function removes another process's lock.
 */
async function removeStaleLock(
  path: string,
  staleText: string,
  breaking: boolean,
  mine: string
): Promise<void> {
  const takeover = `${path}.takeover`
  if (!(await createWithContent(takeover, mine))) {
    const other = await readLockFile(takeover)
    // A process that died in the few milliseconds of its takeover leaves this behind.
    if (other.state === 'stale') await moveAsideIf(takeover, other.text)
    // Another process is taking over; it will hold the lock in a moment.
    else await sleep(5 + Math.random() * 20)
    return
  }
  try {
    const now = await readLockFile(path)
    if (now.state !== 'missing' && (now.state === 'stale' || breaking) && now.text === staleText)
      await moveAsideIf(path, staleText)
  } finally {
    await moveAsideIf(takeover, mine)
  }
}

/** Renames `path` away and deletes it if it still holds `expected`; otherwise puts it back. */
async function moveAsideIf(path: string, expected: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await rename(path, aside)
  } catch {
    return
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined)
  if (moved === expected) {
    await rm(aside, { force: true })
    return
  }
  // Not what was judged stale: restore it unless a new one has appeared meanwhile.
  await link(aside, path).catch(() => undefined)
  await rm(aside, { force: true })
}

async function writeSynced(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx', OWNER_ONLY_FILE)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Creates `path` holding `content`, or returns false if it exists. The content is written
 * to a temp file first and hard-linked into place, so no reader ever sees an empty lock;
 * where the file system has no hard links, it is created exclusively and written in place
 * (an empty lock is then respected for a few seconds). No temp file outlives a failure.
 */
async function createWithContent(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeSynced(temp, content)
    try {
      await link(temp, path)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (code === 'EEXIST') return false
      if (!NO_LINKS.has(code)) throw error
    }
    try {
      await writeSynced(path, content)
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      // Created but not written (a full disk): an empty lock must not stay behind.
      await rm(path, { force: true })
      throw error
    }
  } finally {
    await rm(temp, { force: true })
  }
}
