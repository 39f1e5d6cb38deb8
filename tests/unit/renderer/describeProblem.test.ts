import { describe, expect, it } from 'vitest'
import type { LibraryProblem } from '../../../src/shared/problem'
import { describeProblem } from '../../../src/renderer/src/problems/describeProblem'

const unix = {
  dataDir: '/home/ana/.config/Dossier',
  backupDir: '/home/ana/.config/Dossier/backups'
}
const windows = {
  dataDir: 'C:\\Users\\Ana\\AppData\\Roaming\\Dossier',
  backupDir: 'C:\\Users\\Ana\\AppData\\Roaming\\Dossier\\backups'
}

function problem(fields: Partial<LibraryProblem>, dataDir = unix.dataDir): LibraryProblem {
  const file = `${dataDir}/annotations/7e83b64322b66669.json`
  return {
    id: 'p1',
    at: '2026-12-01T09:00:00.000Z',
    message: 'The highlights … were damaged.',
    file,
    movedTo: `${file}.damaged-2026-12-01T09-00-00-000Z`,
    ...fields
  }
}

describe('describeProblem', () => {
  it('names the file inside the library and the backup folder it was restored from', () => {
    const described = describeProblem(problem({ restoredFrom: '2026-11-30T17:45:12.345Z' }), unix)
    expect(described).toMatchObject({
      file: 'annotations/7e83b64322b66669.json',
      headline: 'annotations/7e83b64322b66669.json was damaged and has been restored from a backup',
      backupFolder: '/home/ana/.config/Dossier/backups/2026-11-30T17-45-12-345Z',
      blocks: undefined
    })
    expect(described.backup).toMatch(/^the backup of .*2026/)
  })

  it('says what waits for the analyst when no backup could restore the file', () => {
    expect(
      describeProblem(problem({ blocks: { articleId: '7e83b64322b66669' } }), unix)
    ).toMatchObject({
      headline:
        'Changes to one article are refused: annotations/7e83b64322b66669.json was damaged and no backup could restore it',
      backup: 'none: no backup held a readable copy of this file',
      backupFolder: undefined,
      blocks: 'article'
    })
    const index = problem({ blocks: 'library', file: `${unix.dataDir}/library.json` })
    expect(describeProblem(index, unix)).toMatchObject({
      headline: 'The library is read-only: library.json was damaged and no backup could restore it',
      blocks: 'library'
    })
    expect(
      describeProblem(problem({ file: `${unix.dataDir}/workspace.json` }), unix).headline
    ).toBe('workspace.json was damaged and has been moved aside')
  })

  it('reads Windows paths with forward slashes for the file, backslashes for the folder', () => {
    const described = describeProblem(
      problem(
        {
          file: `${windows.dataDir}\\annotations\\7e83b64322b66669.json`,
          restoredFrom: '2026-11-30T17:45:12.345Z'
        },
        windows.dataDir
      ),
      windows
    )
    expect(described.file).toBe('annotations/7e83b64322b66669.json')
    expect(described.backupFolder).toBe(`${windows.backupDir}\\2026-11-30T17-45-12-345Z`)
  })
})
