import { copyFile, link, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { makeOwnerOnlyFolder } from './ownerOnly'
import { sha256 } from './sha256'
import { writeFileDurable } from './writeFileDurable'

/** How many backups to keep: the newest `recent`, and the newest of each of the last `days`. */
export interface BackupPolicy {
  recent: number
  days: number
  /** Activity is backed up at most this often. */
  intervalMs: number
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  recent: 10,
  days: 7,
  intervalMs: 30 * 60 * 1000
}

const Manifest = z.object({
  format: z.literal(1),
  takenAt: z.string(),
  reason: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number() }))
})
type Manifest = z.infer<typeof Manifest>

const MANIFEST = 'backup.json'
/** The folder name `take` gives a backup: its time, and `-2`, `-3`… when that is taken. */
const BACKUP_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/

/** One verified backup: its folder, when it was taken, and what it holds. */
export interface BackupInfo {
  dir: string
  takenAt: string
  files: number
}

/**
 * `backups/<time>/`: rotating snapshots of every file that is not an immutable article
 * body (bodies are content-addressed and never rewritten) or derived data. A file that did
 * not change since the previous backup is hard-linked to its copy there (the store
 * replaces files by rename, so a copy is never changed in place); a changed one is copied.
 * The manifest, with each copy's SHA-256, is written last and durably, after every copy
 * was read back and validated: a backup without one does not count.
 */
export class BackupStore {
  readonly #dataDir: string
  readonly #root: string
  #policy: BackupPolicy
  readonly #validate: (relativePath: string, bytes: Buffer) => string | undefined

  /** `validate` says what is wrong with a copy of a store file, or undefined. */
  constructor(
    dataDir: string,
    validate: (relativePath: string, bytes: Buffer) => string | undefined,
    policy: BackupPolicy = DEFAULT_BACKUP_POLICY
  ) {
    this.#dataDir = dataDir
    this.#root = join(dataDir, 'backups')
    this.#policy = policy
    this.#validate = validate
  }

  get root(): string {
    return this.#root
  }

  get policy(): BackupPolicy {
    return this.#policy
  }

  /** Follows a new policy from now on: the next backup rotates by it. */
  set policy(policy: BackupPolicy) {
    this.#policy = policy
  }

  /** Verified backups, newest first. */
  async list(): Promise<BackupInfo[]> {
    const names = await readdir(this.#root).catch(() => [] as string[])
    const backups: BackupInfo[] = []
    for (const name of names.sort().reverse()) {
      const manifest = await this.#manifest(name)
      if (manifest)
        backups.push({
          dir: join(this.#root, name),
          takenAt: manifest.takenAt,
          files: manifest.files.length
        })
    }
    return backups
  }

  /**
   * Takes a backup of the library's files as they are now. A file that fails validation
   * is left out (and named in the result), so a damaged file never replaces a good copy.
   */
  async take(reason: string): Promise<{ backup: BackupInfo; skipped: string[] }> {
    const takenAt = new Date().toISOString()
    const stamp = takenAt.replace(/[:.]/g, '-')
    const taken = new Set(await readdir(this.#root).catch(() => [] as string[]))
    let name = stamp
    for (let n = 2; taken.has(name); n++) name = `${stamp}-${n}`
    const dir = join(this.#root, name)
    const previous = await this.#newestManifest()
    const before = new Map(previous?.manifest.files.map((file) => [file.path, file]) ?? [])
    await makeOwnerOnlyFolder(this.#root)
    await makeOwnerOnlyFolder(dir)
    const files: Manifest['files'] = []
    const skipped: string[] = []
    // A backup that fails (a full disk) leaves no partial folder to eat the space freed.
    try {
      for (const path of await this.#liveFiles()) {
        const bytes = await readFile(join(this.#dataDir, path)).catch(() => undefined)
        if (!bytes || this.#validate(path, bytes) !== undefined) {
          if (bytes) skipped.push(path)
          continue
        }
        const hash = sha256(bytes)
        const copy = join(dir, path)
        await makeOwnerOnlyFolder(join(copy, '..'))
        const old = before.get(path)
        const linked =
          old?.sha256 === hash && previous
            ? await link(join(previous.dir, path), copy).then(
                () => true,
                () => false
              )
            : false
        if (!linked) await copyFile(join(this.#dataDir, path), copy)
        // Read back: the copy must be what was read, and valid.
        const back = await readFile(copy)
        if (sha256(back) !== hash || this.#validate(path, back) !== undefined)
          throw new Error(`the backup copy of ${path} did not read back intact`)
        files.push({ path, sha256: hash, bytes: bytes.length })
      }
      const manifest: Manifest = { format: 1, takenAt, reason, files }
      await writeFileDurable(join(dir, MANIFEST), JSON.stringify(manifest))
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    }
    await this.#rotate()
    return { backup: { dir, takenAt, files: files.length }, skipped }
  }

  /**
   * The newest backup copy of `relativePath` that is intact and valid, as `parse` reads it
   * (with its migrations), or undefined.
   */
  async newestCopy<T>(
    relativePath: string,
    parse: (bytes: Buffer) => { value: T } | string
  ): Promise<{ value: T; takenAt: string; path: string } | undefined> {
    const names = (await readdir(this.#root).catch(() => [] as string[])).sort().reverse()
    for (const name of names) {
      const manifest = await this.#manifest(name)
      const entry = manifest?.files.find((file) => file.path === relativePath)
      if (!manifest || !entry) continue
      const path = join(this.#root, name, relativePath)
      const bytes = await readFile(path).catch(() => undefined)
      if (!bytes || sha256(bytes) !== entry.sha256) continue
      const parsed = parse(bytes)
      if (typeof parsed !== 'string')
        return { value: parsed.value, takenAt: manifest.takenAt, path }
    }
    return undefined
  }

  /** When the newest verified backup was taken, or undefined when there is none. */
  async newestTakenAt(): Promise<string | undefined> {
    return (await this.#newestManifest())?.manifest.takenAt
  }

  async #newestManifest(): Promise<{ dir: string; manifest: Manifest } | undefined> {
    const names = (await readdir(this.#root).catch(() => [] as string[])).sort().reverse()
    for (const name of names) {
      const manifest = await this.#manifest(name)
      if (manifest) return { dir: join(this.#root, name), manifest }
    }
    return undefined
  }

  async #manifest(name: string): Promise<Manifest | undefined> {
    const read = await this.#readManifest(name)
    return typeof read === 'string' ? undefined : read
  }

  /** A backup's manifest; `missing` when it has none, `unreadable` when it cannot be read. */
  async #readManifest(name: string): Promise<Manifest | 'missing' | 'unreadable'> {
    let text: string
    try {
      text = await readFile(join(this.#root, name, MANIFEST), 'utf8')
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable'
    }
    try {
      const parsed = Manifest.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : 'unreadable'
    } catch {
      return 'unreadable'
    }
  }

  /** The store files a backup holds, relative to the library folder. */
  async #liveFiles(): Promise<string[]> {
    const top = [
      'library.json',
      'sources.json',
      'notebooks.json',
      'workspace.json',
      'problems.json',
      'settings.json'
    ]
    const inFolder = async (folder: string): Promise<string[]> =>
      (await readdir(join(this.#dataDir, folder)).catch(() => [] as string[]))
        .filter((name) => /^[^.].*\.json$/.test(name))
        .map((name) => `${folder}/${name}`)
    const present = await Promise.all(
      top.map((name) =>
        stat(join(this.#dataDir, name)).then(
          () => name,
          () => undefined
        )
      )
    )
    return [
      ...present.filter((name): name is string => name !== undefined),
      ...(await inFolder('annotations')),
      ...(await inFolder('notebooks'))
    ]
  }

  /** Keeps the newest `recent` backups and the newest of each of the last `days` days. */
  async #rotate(): Promise<void> {
    const names = (await readdir(this.#root).catch(() => [] as string[])).sort().reverse()
    const keep = new Set<string>()
    const days = new Set<string>()
    const oldest = Date.now() - this.#policy.days * 24 * 3600 * 1000
    for (const name of names) {
      const manifest = await this.#readManifest(name)
      if (manifest === 'missing' && BACKUP_NAME.test(name)) {
        // An unfinished backup (killed while taking it: the manifest is written last).
        await rm(join(this.#root, name), { recursive: true, force: true })
        continue
      }
      // A folder of the analyst's own, or a backup whose manifest is damaged or from a newer
      // Dossier, is never removed: rotation counts only what it can read.
      if (typeof manifest === 'string') continue
      const day = manifest.takenAt.slice(0, 10)
      if (keep.size < this.#policy.recent) keep.add(name)
      else if (!days.has(day) && Date.parse(manifest.takenAt) >= oldest) keep.add(name)
      days.add(day)
      if (!keep.has(name)) await rm(join(this.#root, name), { recursive: true, force: true })
    }
  }
}
