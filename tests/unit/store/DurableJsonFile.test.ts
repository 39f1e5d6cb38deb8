import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  DamagedFileError,
  DurableJsonFile,
  sniffFormat
} from '../../../src/core/store/DurableJsonFile'
import { INDEX_FORMAT, IndexFile } from '../../../src/core/store/files'
import type { ArticleMeta } from '../../../src/shared/article'

const Counter = z.object({ n: z.number().int(), seen: z.array(z.number().int()) })
type Counter = z.infer<typeof Counter>

function articleMeta(prefix: string): ArticleMeta {
  const id = prefix.padEnd(16, '0')
  const sha = id.padEnd(64, '0')
  return {
    id,
    title: `Article ${id}`,
    tags: [],
    textSha256: sha,
    textLength: 10,
    origin: {
      kind: 'file',
      byteSha256: sha,
      byteLength: 10,
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      importerVersion: 'test'
    },
    importedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    counts: { highlights: 0, claims: 0 }
  }
}

const validIndex = JSON.stringify({
  format: INDEX_FORMAT,
  articles: [articleMeta('aaaa')],
  tombstones: []
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-jsonfile-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('DurableJsonFile writes (S9, S14)', () => {
  it('100 back-to-back writes: each resolves only once the file holds its change', async () => {
    const path = join(dir, 'counter.json')
    const file = new DurableJsonFile(path, Counter, {})
    const seenOnResolve: number[] = []
    const writes = Array.from({ length: 100 }, (_, n) =>
      file.write({ n, seen: Array.from({ length: n + 1 }, (_, i) => i) }).then(() => {
        // Synchronous read: nothing else can run between the resolve and this check.
        const onDisk = Counter.parse(JSON.parse(readFileSync(path, 'utf8')))
        expect(onDisk.n).toBeGreaterThanOrEqual(n)
        expect(onDisk.seen).toContain(n)
        seenOnResolve.push(onDisk.n)
      })
    )
    await Promise.all(writes)
    expect(seenOnResolve).toHaveLength(100)
    expect(await file.read()).toEqual({ n: 99, seen: Array.from({ length: 100 }, (_, i) => i) })
    expect(await readdir(dir)).toEqual(['counter.json'])
  })

  it('through lowdb, in-place changes are on disk when each write resolves', async () => {
    const path = join(dir, 'counter.json')
    const db = new Low<Counter>(new DurableJsonFile(path, Counter, {}), { n: 0, seen: [] })
    await db.read()
    const writes: Promise<void>[] = []
    for (let n = 0; n < 100; n++) {
      db.data.n = n
      db.data.seen.push(n)
      writes.push(
        db.write().then(() => {
          const onDisk = Counter.parse(JSON.parse(readFileSync(path, 'utf8')))
          expect(onDisk.seen).toContain(n)
        })
      )
    }
    await Promise.all(writes)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(db.data)
  })

  it('a failed write rejects its callers, leaves no temp file and the next write still works', async () => {
    const sub = join(dir, 'sub')
    await mkdir(sub)
    const path = join(sub, 'counter.json')
    const file = new DurableJsonFile(path, Counter, {})
    await file.write({ n: 1, seen: [1] })
    await rm(sub, { recursive: true })
    await expect(file.write({ n: 2, seen: [2] })).rejects.toMatchObject({ code: 'ENOENT' })
    await mkdir(sub)
    await file.write({ n: 3, seen: [3] })
    expect(await file.read()).toEqual({ n: 3, seen: [3] })
    expect(await readdir(sub)).toEqual(['counter.json'])
  })

  it('a missing file reads as null, so lowdb keeps its defaults', async () => {
    expect(await new DurableJsonFile(join(dir, 'none.json'), Counter, {}).read()).toBeNull()
  })
})

const nulFilled = Buffer.alloc(Buffer.byteLength(validIndex))
const damaged: [string, Buffer][] = [
  ['empty (S3)', Buffer.alloc(0)],
  ['white space', Buffer.from(' \n\t\r\n')],
  ['truncated JSON (S2)', Buffer.from(validIndex.slice(0, validIndex.length / 2))],
  ['NUL-filled, same length (S4)', nulFilled],
  ['null (S6)', Buffer.from('null')],
  ['[] (S6)', Buffer.from('[]')],
  ['{} (S6)', Buffer.from('{}')],
  ['articles not an array', Buffer.from('{"format":1,"articles":{}}')],
  [
    'duplicate article ids',
    Buffer.from(JSON.stringify({ format: 1, articles: [articleMeta('bbbb'), articleMeta('bbbb')] }))
  ],
  [
    'an article id that would be a path (ids name files)',
    Buffer.from(
      JSON.stringify({ format: 1, articles: [{ ...articleMeta('cccc'), id: '../../../etc/x' }] })
    )
  ],
  ['BOM and truncated', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"for')])],
  ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]
]

describe('DurableJsonFile reads', () => {
  it('refuses a file from a newer Dossier without moving or changing it', async () => {
    const path = join(dir, 'library.json')
    const bytes = Buffer.from('{"format":99,"articles":[]}')
    await writeFile(path, bytes)
    const file = new DurableJsonFile(path, IndexFile, {}, INDEX_FORMAT)
    await expect(file.read()).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('newer version')
    })
    expect(await readFile(path)).toEqual(bytes)
  })

  it.each(damaged)('moves a %s file aside with its bytes intact', async (_case, bytes) => {
    const path = join(dir, 'library.json')
    await writeFile(path, bytes)
    const file = new DurableJsonFile(path, IndexFile, {}, INDEX_FORMAT)
    const error = await file.read().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(DamagedFileError)
    const damagedError = error as DamagedFileError
    expect(damagedError.code).toBe('damaged')
    expect(damagedError.message).toContain(path)
    expect(damagedError.message).toContain(damagedError.movedTo)
    expect(damagedError.movedTo).toMatch(/library\.json\.damaged-/)
    expect(await readFile(damagedError.movedTo)).toEqual(bytes)
    expect(await readdir(dir)).not.toContain('library.json')

    // The next save writes a fresh file and never touches the one moved aside.
    await file.write({ format: INDEX_FORMAT, articles: [], tombstones: [] })
    expect(await readFile(damagedError.movedTo)).toEqual(bytes)
    expect((await readdir(dir)).sort()).toEqual(
      ['library.json', damagedError.movedTo.slice(dir.length + 1)].sort()
    )
  })

  it('never overwrites an earlier damaged copy, even within the same millisecond', async () => {
    const path = join(dir, 'library.json')
    const file = new DurableJsonFile(path, IndexFile, {}, INDEX_FORMAT)
    const copies = new Map<string, string>()
    for (let i = 0; i < 20; i++) {
      await writeFile(path, `{"damaged":${i}`)
      const error = (await file.read().catch((e: unknown) => e)) as DamagedFileError
      expect(error).toBeInstanceOf(DamagedFileError)
      copies.set(error.movedTo, `{"damaged":${i}`)
    }
    expect(copies.size).toBe(20)
    for (const [movedTo, content] of copies) expect(await readFile(movedTo, 'utf8')).toBe(content)
  })

  it('loads a valid file that starts with a UTF-8 BOM (S5) and leaves it in place', async () => {
    const path = join(dir, 'library.json')
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validIndex)])
    await writeFile(path, bytes)
    const data = await new DurableJsonFile(path, IndexFile, {}, INDEX_FORMAT).read()
    expect(data?.articles.map((a) => a.id)).toEqual(['aaaa000000000000'])
    expect(await readdir(dir)).toEqual(['library.json'])
    expect(await readFile(path)).toEqual(bytes)
  })

  it('lowdb does not write defaults over a damaged file', async () => {
    const path = join(dir, 'library.json')
    await writeFile(path, 'null')
    const db = new Low(new DurableJsonFile(path, IndexFile, {}, INDEX_FORMAT), {
      format: INDEX_FORMAT,
      articles: [],
      tombstones: []
    })
    await expect(db.read()).rejects.toBeInstanceOf(DamagedFileError)
    const names = await readdir(dir)
    expect(names).toHaveLength(1)
    expect(await readFile(join(dir, names[0]!), 'utf8')).toBe('null')
  })
})

describe('sniffFormat', () => {
  it('reads the format from the head, or the whole file when the head does not show it', async () => {
    const path = join(dir, 'library.json')
    expect(await sniffFormat(path)).toBe('absent')
    const cases: [string, number | 'unknown'][] = [
      [`{"format":${INDEX_FORMAT},"articles":[],"tombstones":[]}`, INDEX_FORMAT],
      [`\uFEFF {\n  "format": 99,\n  "articles": []\n}`, 99],
      [`{"articles":[${'{"id":"x"},'.repeat(20)}{}],"format":7}`, 7],
      ['{"format":1,"articles":[', 1],
      ['{"articles":[', 'unknown'],
      ['null', 'unknown'],
      ['', 'unknown']
    ]
    for (const [text, format] of cases) {
      await writeFile(path, text)
      expect(await sniffFormat(path), text).toBe(format)
      expect(await readFile(path, 'utf8')).toBe(text)
    }
  })
})
