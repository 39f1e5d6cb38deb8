import type { z } from 'zod'
import { isIndexFile } from './checkIndexFile'
import { DurableJsonFile } from './DurableJsonFile'
import {
  AnnotationFile,
  FORMAT_VERSION,
  INDEX_FORMAT,
  IndexFile,
  NotebookBodyFile,
  NotebooksFile,
  SourcesFile
} from './files'
import type { Migrations } from './migrations'
import {
  annotationMigrations,
  indexMigrations,
  noMigrations,
  workspaceMigrations
} from './migrations'
import { SettingsFile } from './LibrarySettings'
import { ProblemsFile } from './ProblemLog'
import { WorkspaceFile } from './WorkspaceStore'

/** Each kind of store file, by its path in the library folder, with how it is read. */
/** The format each is read up to: the store's, or its own when it is ahead. */
const KINDS: [RegExp, z.ZodType<unknown>, Migrations, number?, ((json: unknown) => boolean)?][] = [
  [/^library\.json$/, IndexFile, indexMigrations, INDEX_FORMAT, isIndexFile],
  [/^annotations\/[0-9a-f]{16}\.json$/, AnnotationFile, annotationMigrations],
  [/^sources\.json$/, SourcesFile, noMigrations],
  [/^notebooks\.json$/, NotebooksFile, noMigrations],
  [/^notebooks\/[0-9a-f-]+\.json$/, NotebookBodyFile, noMigrations],
  [/^workspace\.json$/, WorkspaceFile, workspaceMigrations],
  [/^problems\.json$/, ProblemsFile, noMigrations],
  [/^settings\.json$/, SettingsFile, noMigrations]
]

/**
 * What is wrong with `bytes` as the store file at `relativePath`, or undefined when they
 * are valid: the same checks as loading it, with no side effect. Backups use it.
 */
export function validateStoreFile(relativePath: string, bytes: Buffer): string | undefined {
  const kind = KINDS.find(([pattern]) => pattern.test(relativePath))
  if (!kind) return `${relativePath} is not a store file`
  try {
    const parsed = new DurableJsonFile(
      relativePath,
      kind[1],
      kind[2],
      kind[3] ?? FORMAT_VERSION,
      kind[4] as ((json: unknown) => json is unknown) | undefined
    ).parse(bytes)
    return typeof parsed === 'string' ? parsed : undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
