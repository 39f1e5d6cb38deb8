import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileDurable } from '../../../src/core/store/writeFileDurable'
import { runTsArgs } from './runTsArgs'

const run = promisify(execFile)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-durable-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileDurable', () => {
  it('round-trips text and bytes exactly and leaves no temp file', async () => {
    const target = join(dir, 'library.json')
    const text = '{"title":"Grève au port — 港口罢工 🚢"}\n'
    await writeFileDurable(target, text)
    expect(await readFile(target, 'utf8')).toBe(text)

    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    await writeFileDurable(target, bytes)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['library.json'])
  })

  it('replaces the old content completely, also with something shorter', async () => {
    const target = join(dir, 'a.json')
    await writeFileDurable(target, 'x'.repeat(10_000))
    await writeFileDurable(target, '[]')
    expect(await readFile(target, 'utf8')).toBe('[]')
  })

  it('rejects a write into a missing folder and leaves nothing behind', async () => {
    const target = join(dir, 'gone', 'library.json')
    await expect(writeFileDurable(target, 'data')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dir)).toEqual([])
  })

  it('rejects when the target is a folder, keeps the folder and removes its temp file', async () => {
    const target = join(dir, 'annotations')
    await writeFileDurable(join(dir, 'keep.txt'), 'keep')
    await mkdir(target)
    await expect(writeFileDurable(target, 'data')).rejects.toThrow()
    expect((await readdir(dir)).sort()).toEqual(['annotations', 'keep.txt'])
  })

  it('concurrent writes to one file each use their own temp file', async () => {
    const target = join(dir, 'a.json')
    const contents = Array.from({ length: 20 }, (_, i) => `{"n":${i}}`)
    await Promise.all(contents.map((content) => writeFileDurable(target, content)))
    expect(contents).toContain(await readFile(target, 'utf8'))
    expect(await readdir(dir)).toEqual(['a.json'])
  })
})

describe('writeFileDurable under strace (S7)', () => {
  it('opens a unique temp with O_EXCL, fsyncs it, renames it, then fsyncs the folder', async (context) => {
    const strace = await run('strace', ['-V']).catch(() => undefined)
    if (!strace) {
      console.log('Skipping the strace audit: strace is not installed (apt-get install -y strace).')
      context.skip()
    }
    const target = join(dir, 'library.json')
    const log = join(dir, 'strace.log')
    await run('strace', [
      '-f',
      '-y',
      '-o',
      log,
      '-e',
      'trace=open,openat,fsync,fdatasync,rename,renameat,renameat2',
      process.execPath,
      ...runTsArgs('tests/unit/store/fixtures/writeOnce.ts', target, '{"ok":true}')
    ])
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}')

    const calls = (await readFile(log, 'utf8'))
      .split('\n')
      .map((line) => line.replace(/^\d+\s+/, ''))
      .filter((line) => line.includes(dir) && !line.startsWith('<...'))
    const tempOpen = calls.findIndex(
      (call) =>
        /^open(at)?\(.*"[^"]*\/\.library\.json\.[0-9a-f]{12}\.tmp"/.test(call) &&
        call.includes('O_CREAT') &&
        call.includes('O_EXCL')
    )
    expect(tempOpen, calls.join('\n')).toBeGreaterThanOrEqual(0)
    const temp = /"([^"]+\.tmp)"/.exec(calls[tempOpen]!)![1]!
    const after = (from: number, test: (call: string) => boolean): number => {
      const index = calls.findIndex((call, i) => i > from && test(call))
      expect(index, `after line ${from}:\n${calls.join('\n')}`).toBeGreaterThan(from)
      return index
    }
    const tempSync = after(
      tempOpen,
      (call) => /^f(data)?sync\(\d+</.test(call) && call.includes(temp)
    )
    const renamed = after(
      tempSync,
      (call) => /^rename(at2?)?\(/.test(call) && call.includes(temp) && call.includes(`${target}"`)
    )
    const folderOpen = after(
      renamed,
      (call) => /^open(at)?\(/.test(call) && call.includes(`"${dir}"`) && call.includes('O_RDONLY')
    )
    after(folderOpen, (call) => /^f(data)?sync\(\d+</.test(call) && call.includes(`<${dir}>`))
  })
})
