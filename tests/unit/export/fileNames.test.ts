import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sanitizeFileName } from '../../../src/core/export/sanitizeFileName'
import { uniqueFileName } from '../../../src/core/export/uniqueFileName'
import { writeExportFiles } from '../../../src/core/export/writeExportFiles'

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i
const bytes = (name: string): number => Buffer.byteLength(name)

function expectSafe(name: string): void {
  expect(name.length).toBeGreaterThan(0)
  expect(bytes(name)).toBeLessThanOrEqual(255)
  expect(name).not.toMatch(/[/\\<>:"|?*]/)
  expect(name).not.toMatch(/\p{Cc}/u)
  expect(name).not.toMatch(/^[. ]|[. ]$/)
  expect(name).not.toMatch(RESERVED)
}

describe('file names from titles (reliability E1)', () => {
  it.each([
    ['../../.bashrc', 'bashrc.md'],
    ['/etc/passwd', 'etc passwd.md'],
    ['a/b\\c', 'a b c.md'],
    ['CON', 'CON_.md'],
    ['nul.txt', 'nul_.txt.md'],
    ['Com1', 'Com1_.md'],
    ['x.', 'x.md'],
    ['..', 'Untitled.md'],
    ['', 'Untitled.md'],
    ['  \u0000\u0007 ', 'Untitled.md'],
    ['Report: "draft" <v2>?', 'Report draft v2.md'],
    ['🚢 Harbour report', '🚢 Harbour report.md']
  ])('%j becomes %j', (title, expected) => {
    const name = sanitizeFileName(title, '.md')
    expect(name).toBe(expected)
    expectSafe(name)
  })

  it('cuts 300 emoji to whole characters within 255 bytes, extension kept', () => {
    const name = sanitizeFileName('👷🏽'.repeat(300), '.html')
    expectSafe(name)
    expect(name.endsWith('.html')).toBe(true)
    expect([...name.slice(0, -5)].length % 2).toBe(0)
    expect(bytes(name)).toBeGreaterThan(240)
  })

  it('gives two titles that sanitise to the same name a suffix', () => {
    const taken = new Set<string>()
    const names = ['a/b', 'a\\b', 'A:B', 'a b'].map((t) =>
      uniqueFileName(sanitizeFileName(t, '.md'), taken)
    )
    expect(names).toEqual(['a b.md', 'a b (2).md', 'A B (3).md', 'a b (4).md'])
    const long = uniqueFileName(sanitizeFileName('x'.repeat(400), '.md'), taken)
    const again = uniqueFileName(long, taken)
    expect(again).toMatch(/ \(2\)\.md$/)
    expectSafe(again)
  })
})

describe('writing an export', () => {
  let dir: string
  afterEach(() => rm(dir, { recursive: true, force: true }))
  const file = (fileName: string, content = 'new') => ({
    fileName,
    mimeType: 'text/plain',
    content
  })

  it('never overwrites an existing file unless forced, and writes nothing when it refuses', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-write-'))
    const target = join(dir, 'report.md')
    await writeFile(target, 'old')
    await expect(writeExportFiles([file('report.md')], target)).rejects.toThrow(
      /report\.md already exists; nothing was written/
    )
    expect(await readFile(target, 'utf8')).toBe('old')
    await writeExportFiles([file('report.md')], target, { force: true })
    expect(await readFile(target, 'utf8')).toBe('new')
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('writes several files into a folder, all or none', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-write-'))
    const folder = join(dir, 'out')
    expect(await writeExportFiles([file('a.md'), file('b.md')], folder)).toEqual([
      join(folder, 'a.md'),
      join(folder, 'b.md')
    ])
    await writeFile(join(folder, 'b.md'), 'kept')
    await expect(writeExportFiles([file('c.md'), file('b.md')], folder)).rejects.toThrow(
      /b\.md already exists/
    )
    expect(await readdir(folder)).toEqual(['a.md', 'b.md'])
    expect(await readFile(join(folder, 'b.md'), 'utf8')).toBe('kept')
    await expect(writeExportFiles([file('../escape.md')], folder)).rejects.toThrow(/Refusing/)
  })
})
