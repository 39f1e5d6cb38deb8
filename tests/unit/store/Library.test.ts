import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationFile, INDEX_FORMAT, IndexFile } from '../../../src/core/store/files'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from './sampleArticle'
import { plainToDoc } from '../../../src/shared/richText'

const harbour =
  'Harbour strike enters second week\n\nDock workers walked out on Monday. The port is closed.'
const election =
  'Election results delayed\n\nCounting resumed after a power cut. The count is slow.'

let dir: string
let library: Library | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-library-'))
})
afterEach(async () => {
  await library?.close()
  library = undefined
  await rm(dir, { recursive: true, force: true })
})

/** What a process killed while holding the library leaves behind: its lock, with a dead pid. */
async function leaveStaleLock(): Promise<void> {
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid
  const bootId = await readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (id) => id.trim(),
    () => ''
  )
  const record = {
    pid: deadPid,
    hostname: hostname(),
    bootId,
    kind: 'test',
    startedAt: new Date().toISOString()
  }
  await writeFile(join(dir, 'dossier.lock'), JSON.stringify(record))
}

async function reopen(): Promise<Library> {
  await library?.close()
  library = await Library.open(dir, 'test')
  return library
}

/** Every file under `root` (relative path → bytes as hex), folders included as names. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    files[path.slice(root.length + 1)] = entry.isFile()
      ? (await readFile(path)).toString('hex')
      : 'folder'
  }
  return files
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

describe('Library', () => {
  it('keeps articles and annotations across a restart, in files that validate', async () => {
    const lib = await reopen()
    const { article } = await lib.addArticle(sampleArticle(harbour))
    const start = harbour.indexOf('Dock workers')
    const saved = await lib.createAnnotation({
      articleId: article.id,
      start,
      end: start + 12,
      color: 2,
      note: plainToDoc('who called it?')
    })
    expect(saved.quote.exact).toBe('Dock workers')

    const again = await reopen()
    expect(again.listArticles().map((a) => [a.id, a.counts.highlights])).toEqual([[article.id, 1]])
    expect(await again.listAnnotations(article.id)).toEqual([saved])
    expect((await again.getArticle(article.id)).text).toBe(harbour)
    IndexFile.parse(await readJson(join(dir, 'library.json')))
    AnnotationFile.parse(await readJson(join(dir, 'annotations', `${article.id}.json`)))
  })

  it('restores a damaged library.json from the newest backup and says so', async () => {
    const lib = await reopen()
    const a = (await lib.addArticle(sampleArticle(harbour))).article
    const b = (await lib.addArticle(sampleArticle(election))).article
    await lib.createAnnotation({ articleId: b.id, start: 0, end: 8, color: 1 })
    await lib.close()
    library = undefined
    const index = join(dir, 'library.json')
    const truncated = (await readFile(index)).subarray(0, 120)
    await writeFile(index, truncated)

    const rebuilt = await reopen()
    const problems = rebuilt.listProblems()
    expect(problems).toHaveLength(1)
    expect(problems[0]!.file).toBe(index)
    expect(problems[0]!.message).toMatch(/restored library\.json from the backup of/)
    const byId = new Map(rebuilt.listArticles().map((article) => [article.id, article]))
    expect([...byId.keys()].sort()).toEqual([a.id, b.id].sort())
    expect(byId.get(a.id)?.title).toBe('Harbour strike')
    expect(byId.get(b.id)?.counts.highlights).toBe(1)
    expect(await rebuilt.listAnnotations(b.id)).toHaveLength(1)

    const aside = (await readdir(dir)).filter((name) => name.startsWith('library.json.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!))).toEqual(truncated)
    IndexFile.parse(await readJson(index))
  })

  it.each([
    [
      'with format first, as Dossier writes it',
      (format: number) => `{"format":${format},"articles":[],"tombstones":[],"later":1}`
    ],
    [
      'with format last (read in full first)',
      (format: number) => `{"articles":[],"tombstones":[],"format":${format}}`
    ]
  ])(
    'refuses a library.json from a newer Dossier (%s) and touches no other file, damaged or not',
    async (_case, newer) => {
      const lib = await reopen()
      await lib.addArticle(sampleArticle(harbour))
      await lib.close()
      library = undefined
      await writeFile(join(dir, 'library.json'), newer(INDEX_FORMAT + 1))
      await writeFile(join(dir, 'sources.json'), '{"format":1,"sources":[{"id":')
      await writeFile(join(dir, 'notebooks.json'), '')
      await writeFile(join(dir, 'problems.json'), '{"format":1,"problems":')
      await writeFile(join(dir, 'settings.json'), 'null')
      const before = await snapshot(dir)

      await expect(Library.open(dir, 'test')).rejects.toMatchObject({
        code: 'unsupported',
        message: expect.stringContaining('newer version of Dossier')
      })
      // Byte for byte as before: nothing moved aside, restored or logged in problems.json.
      expect(await snapshot(dir)).toEqual(before)
    }
  )

  it('moves a damaged annotations file aside, restores it from a backup, says so and keeps its bytes', async () => {
    const lib = await reopen()
    const { article } = await lib.addArticle(sampleArticle(harbour))
    await lib.createAnnotation({ articleId: article.id, start: 0, end: 7, color: 1 })
    const path = join(dir, 'annotations', `${article.id}.json`)
    const zeros = Buffer.alloc((await stat(path)).size)
    await reopen()
    await writeFile(path, zeros)

    const again = await reopen()
    expect((await again.listAnnotations(article.id)).map((a) => a.quote.exact)).toEqual(['Harbour'])
    const [problem] = again.listProblems()
    expect(problem!.file).toBe(path)
    expect(problem!.message).toContain('“Harbour strike”')

    await again.createAnnotation({ articleId: article.id, start: 8, end: 14, color: 3 })
    const aside = (await readdir(join(dir, 'annotations'))).filter((name) =>
      name.includes('.damaged-')
    )
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, 'annotations', aside[0]!))).toEqual(zeros)
    expect(AnnotationFile.parse(await readJson(path)).annotations).toHaveLength(2)
  })

  it('recounts highlights whose file is newer than the index (counts lost in a crash)', async () => {
    const lib = await reopen()
    const { article } = await lib.addArticle(sampleArticle(harbour))
    await lib.close()
    const index = join(dir, 'library.json')
    const beforeAnnotating = await readFile(index)

    const lib2 = await reopen()
    await lib2.createAnnotation({ articleId: article.id, start: 0, end: 7, color: 1 })
    await lib2.createAnnotation({ articleId: article.id, start: 8, end: 14, color: 1 })
    await lib2.close()
    library = undefined
    // What a crash before the debounced index flush leaves: the old index, older than the
    // annotation file.
    await writeFile(index, beforeAnnotating)
    const past = new Date(Date.now() - 60_000)
    await utimes(index, past, past)
    await leaveStaleLock()

    const reopened = await reopen()
    expect(reopened.listArticles()[0]?.counts.highlights).toBe(2)
    expect(reopened.notices).toEqual([])
    const onDisk = IndexFile.parse(await readJson(index))
    expect(onDisk.articles[0]?.counts.highlights).toBe(2)
  })

  it('trusts the counts of a library that was closed cleanly', async () => {
    const lib = await reopen()
    const { article } = await lib.addArticle(sampleArticle(harbour))
    await lib.createAnnotation({ articleId: article.id, start: 0, end: 7, color: 1 })
    await lib.close()
    library = undefined
    const onDisk = IndexFile.parse(await readJson(join(dir, 'library.json')))
    expect(onDisk.articles[0]?.counts.highlights).toBe(1)
    expect((await reopen()).listArticles()[0]?.counts.highlights).toBe(1)
  })

  it('removes temp files left by a killed writer, and nothing else', async () => {
    await reopen()
    await library!.close()
    library = undefined
    const strays = [
      join(dir, '.library.json.0123456789ab.tmp'),
      join(dir, 'annotations', '.abcd.json.0123456789ab.tmp'),
      join(dir, 'bodies', `.${'f'.repeat(64)}.txt.0123456789ab.tmp`)
    ]
    for (const stray of strays) await writeFile(stray, 'partial')
    await writeFile(join(dir, 'notes.tmp'), 'not ours')
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(join(dir, `dossier.lock.${deadPid}.0a1b2c3d.tmp`), 'half-taken lock')
    await writeFile(
      join(dir, `dossier.lock.${process.pid}.0a1b2c3d.tmp`),
      'a live process taking the lock'
    )
    await leaveStaleLock()
    await reopen()
    expect((await readdir(dir)).sort()).toEqual(
      [
        'annotations',
        'bodies',
        'dossier.lock',
        `dossier.lock.${process.pid}.0a1b2c3d.tmp`,
        'library.json',
        'notes.tmp'
      ].sort()
    )
    expect(await readdir(join(dir, 'annotations'))).toEqual([])
    expect(await readdir(join(dir, 'bodies'))).toEqual([])
  })

  it('refuses an annotation past the end of the text or over white space only', async () => {
    const lib = await reopen()
    const { article } = await lib.addArticle(sampleArticle(harbour))
    await expect(
      lib.createAnnotation({ articleId: article.id, start: 0, end: harbour.length + 1, color: 1 })
    ).rejects.toMatchObject({ code: 'invalid_input' })
    const blank = harbour.indexOf('\n\n')
    await expect(
      lib.createAnnotation({ articleId: article.id, start: blank, end: blank + 2, color: 1 })
    ).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await lib.listAnnotations(article.id)).toEqual([])
  })
})
