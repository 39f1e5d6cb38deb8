import { execFileSync, spawnSync } from 'node:child_process'
import { chmod, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { ImportRefusal } from '../../../src/core/import/ImportRefusal'
import { readImportPaths } from '../../../src/core/import/readImportPaths'
import { tempLibrary } from './tempLibrary'

let env: Awaited<ReturnType<typeof tempLibrary>>
let dir: string

beforeEach(async () => {
  env = await tempLibrary()
  dir = join(env.dir, 'inbox')
  await mkdir(dir)
})
afterEach(() => env.cleanup())

const article = (title: string): string => `${title}\n\nDock workers walked out on Monday.\n`

async function refusalsOf(paths: string[], options = {}) {
  const outcomes = await importPathSources(env.library, paths, options)
  return outcomes.filter((o) => o.status === 'refused')
}

describe('readImportPaths: what is never read', () => {
  it('refuses a FIFO without hanging', async () => {
    const fifo = join(dir, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    expect(await refusalsOf([fifo])).toEqual([
      {
        status: 'refused',
        name: fifo,
        reason: 'not_a_file',
        message: `${fifo}: a named pipe (FIFO); only regular files are imported.`
      }
    ])
  })

  it('refuses a device, also behind a symbolic link', async () => {
    const link = join(dir, 'zero.txt')
    await symlink('/dev/zero', link)
    const refused = await refusalsOf(['/dev/null', link])
    expect(refused.map((o) => o.reason)).toEqual(['not_a_file', 'not_a_file'])
    expect(refused[1]!.message).toContain('a device')
  })

  it('refuses a dangling symbolic link and a link loop, each with its own message', async () => {
    await symlink(join(dir, 'gone.txt'), join(dir, 'dangling.txt'))
    await symlink(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'))
    await symlink(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'))
    const refused = await refusalsOf([dir])
    expect(refused.map((o) => [o.name, o.status === 'refused' && o.reason])).toEqual([
      [join(dir, 'dangling.txt'), 'dangling_symlink'],
      [join(dir, 'loop-a.txt'), 'symlink_loop'],
      [join(dir, 'loop-b.txt'), 'symlink_loop']
    ])
    for (const outcome of refused) {
      expect(outcome.status === 'refused' && outcome.message).toMatch(/symbolic link/)
    }
  })

  it('follows a link to a regular file, and walks a folder linked back up the tree once', async () => {
    await writeFile(join(dir, 'real.txt'), article('Real'))
    await mkdir(join(dir, 'sub'))
    await symlink(dir, join(dir, 'sub', 'up'))
    await symlink(join(dir, 'real.txt'), join(dir, 'sub', 'alias.txt'))
    const outcomes = await importPathSources(env.library, [dir])
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      [join(dir, 'real.txt'), 'imported'],
      [join(dir, 'sub', 'alias.txt'), 'duplicate']
    ])
  })

  it('refuses a file over the limit from its size, without reading it (3 GB sparse file)', async () => {
    const huge = join(dir, 'huge.txt')
    await writeFile(huge, '')
    await truncate(huge, 3 * 1024 ** 3)
    const before = process.memoryUsage().rss
    const [refusal] = await refusalsOf([huge])
    expect(refusal).toMatchObject({ reason: 'too_large', name: huge })
    expect(refusal!.status === 'refused' && refusal!.message).toMatch(
      /3221225472 bytes is over the import limit of 52428800 bytes \(50 MB\)/
    )
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  })

  it('takes a smaller limit as an option', async () => {
    await writeFile(join(dir, 'a.txt'), article('Small enough'))
    await writeFile(join(dir, 'b.txt'), article('Too big for ten bytes'))
    const refused = await refusalsOf([join(dir, 'b.txt')], { maxBytes: 10 })
    expect(refused).toMatchObject([{ reason: 'too_large' }])
  })

  it('refuses a path that does not exist, and a file that vanished between listing and reading', async () => {
    await writeFile(join(dir, 'a.txt'), article('First'))
    await writeFile(join(dir, 'b.txt'), article('Second'))
    const walk = readImportPaths([dir, join(dir, 'never.txt')])
    const first = await walk.next()
    expect(first.value).toMatchObject({ name: join(dir, 'a.txt') })
    // The folder was listed when the walk entered it; b.txt goes before it is read.
    await rm(join(dir, 'b.txt'))
    const rest = []
    for await (const source of walk) rest.push(source)
    expect(rest.map((s) => ['refusal' in s && s.refusal.reason, s.name])).toEqual([
      ['missing', join(dir, 'b.txt')],
      ['missing', join(dir, 'never.txt')]
    ])
    for (const source of rest)
      expect('refusal' in source && source.refusal).toBeInstanceOf(ImportRefusal)
  })

  it('imports the rest of a batch of ten when one file is bad', async () => {
    const paths = []
    for (let i = 0; i < 10; i++) {
      const path = join(dir, `file-${i}.txt`)
      await writeFile(path, i === 4 ? Buffer.from('%PDF-1.7\n') : article(`Article ${i}`))
      paths.push(path)
    }
    const outcomes = await importPathSources(env.library, paths)
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array(4).fill('imported'),
      'refused',
      ...Array(5).fill('imported')
    ])
    expect(env.library.listArticles()).toHaveLength(9)
  })
})

// As root, mode 000 does not stop reads, so the unreadable file is read by the real CLI
// running as `nobody` (the library folder is world-writable for it).
describe('an unreadable file (EACCES)', () => {
  const isRoot = process.getuid?.() === 0
  const canRunAsNobody = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0

  it.runIf(!isRoot || canRunAsNobody)(
    'is refused with its own message; the rest of the batch imports',
    async () => {
      const data = join(env.dir, 'nobody-library')
      await mkdir(data)
      await chmod(env.dir, 0o755)
      await chmod(data, 0o777)
      await chmod(dir, 0o755)
      const secret = join(dir, 'secret.txt')
      const open = join(dir, 'open.txt')
      await writeFile(secret, article('Secret'))
      await writeFile(open, article('Open'))
      await chmod(secret, 0o000)
      await chmod(open, 0o644)
      const cli = resolve('bin/dossier.js')
      const command = ['node', cli, '--data', data, '--json', 'import', secret, open]
      const run = isRoot
        ? spawnSync('runuser', ['-u', 'nobody', '--', ...command], { encoding: 'utf8', cwd: '/' })
        : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' })
      expect(run.stderr).toContain(`${secret}: permission denied`)
      expect(run.status).toBe(1)
      const outcomes = JSON.parse(run.stdout) as {
        status: string
        name: string
        reason?: string
        message?: string
      }[]
      expect(outcomes).toMatchObject([
        {
          status: 'refused',
          name: secret,
          reason: 'unreadable',
          message: `${secret}: permission denied; Dossier may not read this file.`
        },
        { status: 'imported', name: open }
      ])
    }
  )
})
