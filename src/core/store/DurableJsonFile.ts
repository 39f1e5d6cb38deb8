import { access, lstat, open, readFile, rename } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { DossierError } from '../../shared/result'
import { describeZodError } from '../describeZodError'
import { FORMAT_VERSION } from './files'
import type { Migrations } from './migrations'
import { migrate } from './migrations'
import { writeFileDurable } from './writeFileDurable'

/**
 * A lowdb adapter that validates on read and writes durably.
 *
 * - A damaged file (empty, truncated, NUL-filled, wrong shape) is never overwritten: it
 *   is renamed to `<name>.damaged-<time>` and `read` throws a `DamagedFileError`.
 * - A file of an older format is upgraded in memory by its migrations; it is written in the
 *   current format only when next saved, so a crash mid-upgrade leaves the old file whole.
 * - Writes are serialized; a write requested while another runs is coalesced into the
 *   next one, and every caller resolves only once data including its change is on disk.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string
  readonly #schema: z.ZodType<T>
  readonly #migrations: Migrations
  readonly #format: number
  readonly #accepts: ((json: unknown) => boolean) | undefined
  #latest: T | undefined
  #tail: Promise<void> = Promise.resolve()
  #queued: Promise<void> | undefined

  /**
   * Reads `path` against `schema`, upgrading older formats with `migrations` up to `format`
   * (the store's format unless this file is ahead of it, as `library.json` is). `accepts`,
   * if given, is a faster check that says yes only to JSON the schema would return
   * unchanged (`checkIndexFile.ts`); whatever it refuses goes to the schema, which decides.
   */
  constructor(
    path: string,
    schema: z.ZodType<T>,
    migrations: Migrations,
    format = FORMAT_VERSION,
    accepts?: (json: unknown) => json is T
  ) {
    this.path = path
    this.#schema = schema
    this.#migrations = migrations
    this.#format = format
    this.#accepts = accepts
  }

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const problem = this.parse(bytes)
    if (typeof problem !== 'string') return problem.value
    const movedTo = await moveAside(this.path)
    throw new DamagedFileError(this.path, problem, movedTo)
  }

  /** Resolves when no write is in flight (whatever its outcome). */
  settled(): Promise<void> {
    return this.#tail.catch(() => undefined)
  }

  /** Whether the file is there (after `read`, a damaged one no longer is). */
  exists(): Promise<boolean> {
    return access(this.path).then(
      () => true,
      () => false
    )
  }

  write(data: T): Promise<void> {
    this.#latest = data
    if (this.#queued) return this.#queued
    const next = this.#tail
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined
        return writeFileDurable(this.path, JSON.stringify(this.#latest))
      })
    this.#queued = next
    this.#tail = next
    return next
  }

  /**
   * Validates bytes as this file's content (upgrading older formats), without touching
   * the file: the value, or what is wrong with it. Throws for a newer format.
   */
  parse(bytes: Buffer): { value: T } | string {
    // A UTF-8 BOM is what Notepad adds; it is not damage.
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    // /\S/ stops at the first character; trim() would copy a whole large file first.
    if (!/\S/.test(text)) return bytes.length === 0 ? 'the file is empty' : 'the file is blank'
    if (/^\0+$/.test(text)) return 'the file is filled with zero bytes'
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return `the file is not valid JSON (${(error as Error).message})`
    }
    const format = (json as { format?: unknown } | null)?.format
    if (typeof format === 'number' && format > this.#format) {
      // Not damage: a newer Dossier wrote it. Leave it where it is, untouched.
      throw newerFormatError(this.path, format, this.#format)
    }
    if (typeof format === 'number' && format < this.#format) {
      const upgraded = migrate(json as Record<string, unknown>, this.#format, this.#migrations)
      if (!upgraded) return `format ${format} is not one this version can upgrade`
      json = upgraded
    }
    if (this.#accepts?.(json)) return { value: json as T }
    const parsed = this.#schema.safeParse(json)
    if (!parsed.success)
      return `the content has the wrong shape: ${describeZodError('', parsed.error).slice(2)}`
    return { value: parsed.data }
  }
}

/** The refusal of a file a newer Dossier wrote (format `format`; this one reads `readable`). */
export function newerFormatError(path: string, format: number, readable: number): DossierError {
  return new DossierError(
    'unsupported',
    `${path} was written by a newer version of Dossier (format ${format}; this version reads format ${readable}). Update Dossier to open this library.`
  )
}

/** How many bytes `sniffFormat` reads first: enough for `{"format":N,` and white space. */
const SNIFF_BYTES = 64

/**
 * The `format` of the JSON file at `path`, without validating it: `'absent'` when there is
 * no file, `'unknown'` when it has none (damage, for `read` to deal with). Our writer puts
 * `format` first, so the first bytes usually tell; a file whose head does not (hand-edited,
 * or damaged) is read and parsed in full. A file that cannot be read throws, as `read` would.
 */
export async function sniffFormat(path: string): Promise<number | 'absent' | 'unknown'> {
  let head: string
  try {
    const handle = await open(path, 'r')
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
      head = buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent'
    throw error
  }
  const match = /^\uFEFF?\s*\{\s*"format"\s*:\s*(\d{1,9})\s*[,}]/.exec(head)
  if (match) return Number(match[1])
  let json: unknown
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent'
    if (error instanceof SyntaxError) return 'unknown'
    throw error
  }
  const format = (json as { format?: unknown } | null)?.format
  return typeof format === 'number' ? format : 'unknown'
}

/**
 * Renames `path` to `<path>.damaged-<time>`, adding `-2`, `-3`… when that name is taken:
 * rename() replaces its target, and an earlier damaged copy must never be lost. Checking
 * first is enough because only the lock holder moves files in a library.
 */
async function moveAside(path: string): Promise<string> {
  const stamp = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  for (let n = 1; ; n++) {
    const movedTo = n === 1 ? stamp : `${stamp}-${n}`
    const taken = await lstat(movedTo).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      }
    )
    if (taken) continue
    await rename(path, movedTo)
    return movedTo
  }
}

export class DamagedFileError extends DossierError {
  readonly file: string
  readonly movedTo: string
  /** What is wrong, e.g. "the file is not valid JSON (…)". */
  readonly reason: string

  constructor(file: string, reason: string, movedTo: string) {
    super('damaged', `${file} is damaged (${reason}). It was moved aside to ${movedTo}.`)
    this.file = file
    this.movedTo = movedTo
    this.reason = reason
  }
}
