import { join } from 'node:path'
import { z } from 'zod'
import type { Workspace as WorkspaceType } from '../../shared/workspace'
import { DEFAULT_WORKSPACE, Workspace } from '../../shared/workspace'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import { FORMAT_VERSION } from './files'
import { workspaceMigrations } from './migrations'

const WorkspaceFile = z.object({ format: z.literal(FORMAT_VERSION), workspace: Workspace })
type WorkspaceFile = z.infer<typeof WorkspaceFile>

/** `workspace.json`: the open panes and reading preferences of one library. */
export class WorkspaceStore {
  readonly #file: DurableJsonFile<WorkspaceFile>
  readonly #onDamage: (message: string) => void
  #workspace: WorkspaceType | undefined

  constructor(dataDir: string, onDamage: (message: string) => void) {
    this.#file = new DurableJsonFile(
      join(dataDir, 'workspace.json'),
      WorkspaceFile,
      workspaceMigrations
    )
    this.#onDamage = onDamage
  }

  /** The saved workspace; a damaged file is moved aside and reported. */
  async get(): Promise<WorkspaceType> {
    if (!this.#workspace) {
      try {
        this.#workspace = (await this.#file.read())?.workspace ?? DEFAULT_WORKSPACE
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error
        this.#onDamage(`${error.message} The reading layout starts afresh.`)
        this.#workspace = DEFAULT_WORKSPACE
      }
    }
    return this.#workspace
  }

  async save(workspace: WorkspaceType): Promise<void> {
    this.#workspace = workspace
    await this.#file.write({ format: FORMAT_VERSION, workspace })
  }

  /** Resolves when no write is in flight. */
  settled(): Promise<void> {
    return this.#file.settled()
  }
}
