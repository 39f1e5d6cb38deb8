import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { filePathsFromArgv } from '../../../src/main/filePathsFromArgv'
import { tempLibrary } from '../import/tempLibrary'

const cwd = resolve('/home/analyst/cases')
const packaged = { cwd, appPathArgument: false }
const development = { cwd, appPathArgument: true }

describe('filePathsFromArgv', () => {
  it('skips the executable, and in development the app path, as Electron starts either', () => {
    expect(filePathsFromArgv(['/opt/Dossier/dossier', 'report.txt'], packaged)).toEqual([
      join(cwd, 'report.txt')
    ])
    expect(
      filePathsFromArgv(['/usr/lib/electron', '--inspect=0', '.', 'report.txt'], development)
    ).toEqual([join(cwd, 'report.txt')])
    expect(filePathsFromArgv(['/opt/Dossier/dossier'], packaged)).toEqual([])
    expect(filePathsFromArgv(['electron', 'out/main/index.js'], development)).toEqual([])
  })

  it('skips switches — Chromium’s, Playwright’s, macOS’s process serial number — unless after --', () => {
    const argv = [
      'Dossier.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '-psn_0_1234567',
      'notes.md',
      '--',
      '--odd name.txt'
    ]
    expect(filePathsFromArgv(argv, packaged)).toEqual([
      join(cwd, 'notes.md'),
      join(cwd, '--odd name.txt')
    ])
  })

  it('keeps spaces and non-ASCII names whole, and resolves relative paths from the given folder', () => {
    const argv = [
      'dossier',
      'Dépêche AFP 12.txt',
      '../報告/北京 会谈.md',
      'Ελληνικά/',
      '/tmp/x y.html'
    ]
    expect(filePathsFromArgv(argv, packaged)).toEqual([
      join(cwd, 'Dépêche AFP 12.txt'),
      resolve(cwd, '../報告/北京 会谈.md'),
      join(cwd, 'Ελληνικά'),
      resolve('/tmp/x y.html')
    ])
  })

  it('turns file:// URLs (Linux desktop entries pass %U) into paths, and ignores other URLs', () => {
    const path = resolve('/home/analyst/Dépêche 12.txt')
    const argv = [
      'dossier',
      pathToFileURL(path).href,
      'https://example.org/a.html',
      'ftp://example.org/x.txt'
    ]
    expect(pathToFileURL(path).href).toContain('%20')
    expect(filePathsFromArgv(argv, packaged)).toEqual([path])
  })

  it('names each path once, in the order given, and skips empty arguments', () => {
    const argv = ['dossier', 'b.txt', '', 'a.txt', './b.txt', join(cwd, 'a.txt')]
    expect(filePathsFromArgv(argv, packaged)).toEqual([join(cwd, 'b.txt'), join(cwd, 'a.txt')])
  })
})

describe('paths from a command line, imported', () => {
  let temp: Awaited<ReturnType<typeof tempLibrary>>
  let folder: string

  beforeAll(async () => {
    temp = await tempLibrary()
    folder = join(temp.dir, 'Sources — März')
    await mkdir(join(folder, 'nested'), { recursive: true })
    await writeFile(join(folder, 'Wire copy.txt'), 'Dock workers walked out on Monday.\n')
    await writeFile(join(folder, 'nested', 'Über.md'), '# Briefing\n\nTalks resume Friday.\n')
  })
  afterAll(() => temp.cleanup())

  it('imports folders recursively and reports a missing path beside what did import', async () => {
    const paths = filePathsFromArgv(['dossier', 'Sources — März', 'gone.txt'], {
      cwd: temp.dir,
      appPathArgument: false
    })
    const outcomes = await importPathSources(temp.library, paths)
    expect(outcomes.map((o) => [o.status, o.name])).toEqual([
      ['imported', join(folder, 'Wire copy.txt')],
      ['imported', join(folder, 'nested', 'Über.md')],
      ['refused', join(temp.dir, 'gone.txt')]
    ])
    expect(outcomes[2]).toMatchObject({ reason: 'missing' })
  })
})
