import { join } from 'node:path'
import { z } from 'zod'
import type { Workspace as WorkspaceType } from '../../shared/workspace'
import { DEFAULT_WORKSPACE, Workspace } from '../../shared/workspace'
import { Low } from 'lowdb'
import { DurableJsonFile } from './DurableJsonFile'
import { FORMAT_VERSION } from './files'
import { workspaceMigrations } from './migrations'
import type { RecoveryHost } from './readRecovering'
import { readRecovering } from './readRecovering'

export const WorkspaceFile = z.object({ format: z.literal(FORMAT_VERSION), workspace: Workspace })
type WorkspaceFile = z.infer<typeof WorkspaceFile>

/** `workspace.json`: the open panes and reading preferences of one library. */
export class WorkspaceStore {
  readonly #file: Low<WorkspaceFile>
  readonly #recovery: RecoveryHost
  #loaded = false

  constructor(dataDir: string, recovery: RecoveryHost) {
    const adapter = new DurableJsonFile(
      join(dataDir, 'workspace.json'),
      WorkspaceFile,
      workspaceMigrations
    )
    this.#file = new Low<WorkspaceFile>(adapter, {
      format: FORMAT_VERSION,
      workspace: DEFAULT_WORKSPACE
    })
    this.#recovery = recovery
  }

  /** The saved workspace; a damaged file is moved aside and restored from a backup. */
  async get(): Promise<WorkspaceType> {
    if (!this.#loaded) {
      await readRecovering(this.#file, this.#recovery, { what: 'the reading layout' })
      this.#loaded = true
    }
    return this.#file.data.workspace
  }

  async save(workspace: WorkspaceType): Promise<void> {
    this.#loaded = true
    this.#file.data = { format: FORMAT_VERSION, workspace }
    await this.#file.write()
  }

  /** Resolves when no write is in flight. */
  settled(): Promise<void> {
    return (this.#file.adapter as DurableJsonFile<WorkspaceFile>).settled()
  }
}
