import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isIndexFile } from '../../../src/core/store/checkIndexFile'
import { INDEX_FORMAT, IndexFile } from '../../../src/core/store/files'
import { Library } from '../../../src/core/store/Library'

const HEX16 = '0123456789abcdef'
const sha = (c: string): string => c.repeat(64)

/** An article with every optional field the schema knows, arrivals and conflicts too. */
function fullArticle(n: number): Record<string, unknown> {
  const id = HEX16[n % 16]!.repeat(15) + HEX16[(n >> 4) % 16]!
  return {
    id,
    title: `Article ${n}`,
    source: 'Velmora Ledger',
    author: 'A. Writer',
    publishedAt: '27 Nov 2026',
    publishedDate: '2026-11-27',
    url: 'https://example.org/a',
    tags: ['port', 'strike'],
    textSha256: id + sha('a').slice(16),
    textLength: 1618,
    origin: {
      kind: 'file',
      fileName: 'a.txt',
      filePath: '/x/a.txt',
      byteSha256: sha('b'),
      byteLength: 1620,
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      modifiedAt: '2026-12-01T21:14:58.513Z',
      importerVersion: '2'
    },
    arrivals: [
      {
        kind: 'paste',
        byteSha256: sha('c'),
        byteLength: 10,
        encoding: 'utf-16le',
        encodingConfidence: 0.5,
        format: 'markdown',
        importerVersion: '2',
        arrivedAt: '2026-12-02T00:00:00.000Z'
      }
    ],
    importedAt: '2026-12-01T21:17:37.499Z',
    updatedAt: '2026-12-01T21:17:37.499Z',
    deletedAt: '2026-12-02T01:00:00.000Z',
    counts: { highlights: 2, claims: 1 },
    conflicts: [{ at: '2026-12-02T00:00:00.000Z', from: 'backup', record: { title: 'Old' } }]
  }
}

/** The least an article can be. */
function bareArticle(n: number): Record<string, unknown> {
  const id = HEX16[n % 16]!.repeat(16)
  return {
    id,
    title: '',
    tags: [],
    textSha256: id + sha('0').slice(16),
    textLength: 0,
    origin: {
      kind: 'recovered',
      byteSha256: sha('d'),
      byteLength: 0,
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'html',
      importerVersion: '2'
    },
    importedAt: 'x',
    updatedAt: 'y',
    counts: { highlights: 0, claims: 0 }
  }
}

function index(): Record<string, unknown> {
  return {
    format: INDEX_FORMAT,
    articles: [fullArticle(1), bareArticle(2)],
    tombstones: [{ id: 'gone', kind: 'article', deletedAt: '2026-12-02T00:00:00.000Z' }]
  }
}

/** Every path to a value in `value`, objects and arrays included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const inner = Object.entries(value).flatMap(([key, child]) =>
    paths(child, [...prefix, Array.isArray(value) ? Number(key) : key])
  )
  return [prefix, ...inner]
}

function mutate(
  json: Record<string, unknown>,
  path: (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void
): Record<string, unknown> {
  const copy = structuredClone(json)
  let parent = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  change(parent, path.at(-1)!)
  return copy
}

const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  0,
  -1.5,
  '',
  'x',
  'file',
  '0123456789abcdef',
  sha('e'),
  [],
  ['x'],
  [1],
  {},
  true
]

/** The fast path may say yes only when the schema says yes and returns the input unchanged. */
function agrees(json: unknown): boolean {
  const fast = isIndexFile(json)
  const parsed = IndexFile.safeParse(json)
  if (!fast) return true
  expect(parsed.success).toBe(true)
  expect(parsed.data).toEqual(json)
  return true
}

describe('isIndexFile, the fast check of library.json', () => {
  it('accepts what the schema accepts unchanged, full and bare records alike', () => {
    expect(isIndexFile(index())).toBe(true)
    expect(IndexFile.parse(index())).toEqual(index())
    expect(isIndexFile({ format: INDEX_FORMAT, articles: [], tombstones: [] })).toBe(true)
  })

  it('says yes to no change of any value the schema would refuse or alter', () => {
    const json = index()
    let refused = 0
    for (const path of paths(json)) {
      if (path.length === 0) continue
      for (const replacement of REPLACEMENTS) {
        const changed = mutate(json, path, (parent, key) => {
          if (replacement === undefined) delete parent[key]
          else parent[key] = structuredClone(replacement)
        })
        agrees(changed)
        if (!isIndexFile(changed)) refused++
      }
      // A key the schema does not know: zod drops it, so the fast path must leave it to zod.
      const parentPath = path.slice(0, -1)
      const extra = mutate(json, [...parentPath, 'unknownKey'], (parent, key) => {
        if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) parent[key] = 1
      })
      agrees(extra)
    }
    expect(refused).toBeGreaterThan(100)
  })

  it('refuses duplicate ids and a __proto__ key, as the schema would or would alter', () => {
    const twice = { ...index(), articles: [bareArticle(3), bareArticle(3)] }
    expect(isIndexFile(twice)).toBe(false)
    expect(IndexFile.safeParse(twice).success).toBe(false)
    const proto = JSON.parse(
      JSON.stringify(index()).replace('"title":"Old"', '"__proto__":{"polluted":1}')
    ) as unknown
    expect(isIndexFile(proto)).toBe(false)
    agrees(proto)
  })

  it('agrees with the schema on arbitrary values at arbitrary places (fast-check)', () => {
    const json = index()
    const all = paths(json).filter((path) => path.length > 0)
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (path, value, remove) => {
          const changed = mutate(json, path, (parent, key) => {
            if (remove) delete parent[key]
            else parent[key] = value
          })
          return agrees(changed)
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('library.json through the fast check', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-check-index-'))
  })
  afterEach(() => rm(dataDir, { recursive: true, force: true }))

  it('opens an index with a key it does not know through the schema, which drops it', async () => {
    const json = index()
    ;(json.articles as Record<string, unknown>[])[1]!.addedByANewerMinor = true
    await writeFile(join(dataDir, 'library.json'), JSON.stringify(json))
    const library = await Library.open(dataDir, 'test')
    try {
      expect(library.notices).toEqual([])
      expect(library.listArticles({ trash: false }).map((a) => a.id)).toEqual(['2'.repeat(16)])
      expect(library.findArticle('2'.repeat(16))).not.toHaveProperty('addedByANewerMinor')
    } finally {
      await library.close()
    }
  })

  it('still finds damage the fast check refuses: moved aside, never overwritten', async () => {
    const json = index()
    ;(json.articles as Record<string, unknown>[])[0]!.textLength = '1618'
    const bytes = JSON.stringify(json)
    await writeFile(join(dataDir, 'library.json'), bytes)
    const library = await Library.open(dataDir, 'test')
    try {
      const problems = library.listProblems()
      expect(problems).toHaveLength(1)
      expect(problems[0]!.message).toContain('articles.0.textLength')
      const damaged = (await readdir(dataDir)).filter((name) =>
        name.startsWith('library.json.damaged-')
      )
      expect(damaged).toHaveLength(1)
      expect(await readFile(join(dataDir, damaged[0]!), 'utf8')).toBe(bytes)
    } finally {
      await library.close()
    }
  })
})
