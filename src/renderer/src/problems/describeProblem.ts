import type { LibraryProblem } from '../../../shared/problem'

/** What the banner says about one problem, beside the core's own sentences. */
export interface ProblemDescription {
  /** One line in plain words: what happened to which file. */
  headline: string
  /** The damaged file, relative to the library folder (`annotations/7e83….json`). */
  file: string
  /** Which backup the file was restored from, or that none could. */
  backup: string
  /** That backup's folder, the one to copy from when restoring by hand. */
  backupFolder: string | undefined
  /** Whether writes wait for the analyst: to one article, or to the whole library. */
  blocks: 'article' | 'library' | undefined
}

/** The analyst's own clock, to the second: two backups can be minutes apart. */
function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
}

/** Names a problem's file and backup the way the banner shows them. */
export function describeProblem(
  problem: LibraryProblem,
  { dataDir, backupDir }: { dataDir: string; backupDir: string }
): ProblemDescription {
  const file = (
    problem.file.startsWith(dataDir) ? problem.file.slice(dataDir.length + 1) : problem.file
  )
    .split('\\')
    .join('/')
  const blocks: ProblemDescription['blocks'] =
    problem.blocks === 'library' ? 'library' : problem.blocks ? 'article' : undefined
  const facts = { file, blocks, backupFolder: undefined }
  if (problem.restoredFrom) {
    // A backup's folder is named after the time it was taken (BackupStore.take).
    const separator = backupDir.includes('/') ? '/' : '\\'
    const stamp = problem.restoredFrom.replace(/[:.]/g, '-')
    return {
      ...facts,
      headline: `${file} was damaged and has been restored from a backup`,
      backup: `the backup of ${when(problem.restoredFrom)}`,
      backupFolder: `${backupDir}${separator}${stamp}`
    }
  }
  const backup = 'none: no backup held a readable copy of this file'
  if (blocks === 'library')
    return {
      ...facts,
      backup,
      headline: `The library is read-only: ${file} was damaged and no backup could restore it`
    }
  if (blocks === 'article')
    return {
      ...facts,
      backup,
      headline: `Changes to one article are refused: ${file} was damaged and no backup could restore it`
    }
  return { ...facts, backup, headline: `${file} was damaged and has been moved aside` }
}
