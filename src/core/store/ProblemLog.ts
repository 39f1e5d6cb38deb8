import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { LibraryProblem } from '../../shared/problem'
import { LibraryProblem as LibraryProblemSchema } from '../../shared/problem'
import { DossierError } from '../../shared/result'
import type { BackupStore } from './BackupStore'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import { newestValidCopy } from './readRecovering'
import { FORMAT_VERSION } from './files'
import { noMigrations } from './migrations'

export const ProblemsFile = z.object({
  format: z.literal(FORMAT_VERSION),
  problems: z.array(LibraryProblemSchema)
})
type ProblemsFile = z.infer<typeof ProblemsFile>

/**
 * `problems.json`: what the analyst has been told about damaged files, kept until they
 * acknowledge it, so a notice cannot scroll away or vanish with a restart.
 */
export class ProblemLog {
  readonly #file: Low<ProblemsFile>
  readonly #adapter: DurableJsonFile<ProblemsFile>
  /** Why the log could not be read on open, until `restoreFrom` dealt with it. */
  #damage: DamagedFileError | undefined

  private constructor(file: Low<ProblemsFile>, adapter: DurableJsonFile<ProblemsFile>) {
    this.#file = file
    this.#adapter = adapter
  }

  static async open(dataDir: string): Promise<ProblemLog> {
    const adapter = new DurableJsonFile(join(dataDir, 'problems.json'), ProblemsFile, noMigrations)
    const file = new Low<ProblemsFile>(adapter, { format: FORMAT_VERSION, problems: [] })
    const log = new ProblemLog(file, adapter)
    await file.read().catch((error: unknown) => {
      if (!(error instanceof DamagedFileError)) throw error
      log.#damage = error
    })
    return log
  }

  /**
   * After a damaged log was moved aside on open: the problems of the newest backup that
   * holds a valid copy, so the notices not yet acknowledged (and the writes they block)
   * stay; then a problem of its own saying so.
   */
  async restoreFrom(backups: BackupStore): Promise<void> {
    const damage = this.#damage
    if (!damage) return
    this.#damage = undefined
    const copy = await newestValidCopy(backups, 'problems.json', this.#adapter)
    if (copy) this.#file.data = copy.value
    await this.add({
      file: damage.file,
      movedTo: damage.movedTo,
      ...(copy ? { restoredFrom: copy.takenAt } : {}),
      message: copy
        ? `${damage.message} Dossier restored the list of problems from the backup of ${new Date(copy.takenAt).toLocaleString('en-GB')}; problems found after it may be missing from it.`
        : `${damage.message} There is no backup of it, so problems reported before may be missing from this list; the damaged file still holds them.`
    })
  }

  /** Problems not yet acknowledged, oldest first. */
  open(): LibraryProblem[] {
    return this.#file.data.problems.filter((problem) => problem.acknowledgedAt === undefined)
  }

  async add(problem: Omit<LibraryProblem, 'id' | 'at'>): Promise<LibraryProblem> {
    const recorded: LibraryProblem = { id: randomUUID(), at: new Date().toISOString(), ...problem }
    this.#file.data.problems.push(recorded)
    await this.#file.write()
    return recorded
  }

  async acknowledge(id: string): Promise<void> {
    const problem = this.#file.data.problems.find((p) => p.id === id)
    if (!problem) throw new DossierError('not_found', `id: no problem ${id}.`)
    problem.acknowledgedAt ??= new Date().toISOString()
    await this.#file.write()
  }

  /** The open problem that blocks writes to `articleId` (or to everything), if any. */
  blocking(articleId?: string): LibraryProblem | undefined {
    return this.open().find(
      (problem) =>
        problem.blocks === 'library' ||
        (articleId !== undefined &&
          typeof problem.blocks === 'object' &&
          problem.blocks.articleId === articleId)
    )
  }

  settled(): Promise<void> {
    return (this.#file.adapter as DurableJsonFile<ProblemsFile>).settled()
  }
}
