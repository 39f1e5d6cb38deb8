import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { docToPlain } from '../../../src/shared/richText'
import { spawnChild } from '../store/spawnChild'

/** A library written by Dossier 0.1.0 (store format 1), kept as that release wrote it. */
const V1 = resolve(import.meta.dirname, '../../fixtures/libraries/v1')
const WIRE = '7e83b64322b66669'
const OPINION = 'ef7a2a665e9e908a'
const CAFES = '0936d675494970f5'

let root: string
let dataDir: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-upgrade-'))
  dataDir = join(root, 'library')
  await cp(V1, dataDir, { recursive: true })
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function formatOf(name: string): Promise<number> {
  return (JSON.parse(await readFile(join(dataDir, name), 'utf8')) as { format: number }).format
}

/** Everything the 0.1.0 library holds, as the current release must show it. */
async function expectEverythingFromV1(library: Library): Promise<void> {
  expect(library.notices).toEqual([])
  expect(
    library
      .listArticles()
      .map((a) => a.id)
      .sort()
  ).toEqual([OPINION, WIRE].sort())
  expect(library.listArticles({ trash: true }).map((a) => a.id)).toEqual([CAFES])
  const opinion = library.findArticle(OPINION)
  expect(opinion).toMatchObject({ source: 'Velmora Ledger', tags: ['opinion'] })
  const wire = await library.listAnnotations(WIRE)
  expect(wire.map((a) => [a.quote.exact, a.color, docToPlain(a.note)]).sort()).toEqual([
    ['Tomas Reyl', 5, ''],
    ['roughly 2,400 workers', 4, 'union figure; check against payroll']
  ])
  const column = await library.listAnnotations(OPINION)
  expect(column.map((a) => [a.quote.exact, a.color, docToPlain(a.note)])).toEqual([
    ['about 900', 3, 'payroll, per the column']
  ])
  const text = (await library.getArticle(WIRE)).text
  for (const annotation of wire) {
    expect(text.slice(annotation.position.start, annotation.position.end)).toBe(
      annotation.quote.exact
    )
  }
  const workspace = await library.workspace.get()
  expect(workspace).toMatchObject({
    panes: [
      { id: 'p1', articleId: WIRE, scroll: 0.25, width: 1 },
      { id: 'p2', articleId: OPINION, scroll: 0, width: 1.5 }
    ],
    activePaneId: 'p2',
    colorNames: ['Key point', 'Question', 'Evidence', 'Figure', 'Person', 'Background'],
    currentColor: 3
  })
  expect(library.findArticle(WIRE).counts.highlights).toBe(2)
}

describe('a library written by 0.1.0 (format 1)', () => {
  it('opens with every article, highlight, note and pane, and upgrades each file when saved', async () => {
    const library = await Library.open(dataDir, 'test')
    await expectEverythingFromV1(library)
    expect(library.findArticle(WIRE).counts.claims).toBe(0)
    // Opening writes nothing: the old files stay as 0.1.0 wrote them until they change.
    expect(await formatOf(`annotations/${WIRE}.json`)).toBe(1)
    expect(await formatOf('workspace.json')).toBe(1)
    await library.createClaim({ articleId: WIRE, start: 0, end: 4 })
    expect(await formatOf(`annotations/${WIRE}.json`)).toBe(2)
    expect(await formatOf(`annotations/${OPINION}.json`)).toBe(1)
    await library.close()
    expect(await formatOf('library.json')).toBe(3)
    const reopened = await Library.open(dataDir, 'test')
    try {
      expect((await reopened.listAnnotations(WIRE)).length).toBe(2)
      expect((await reopened.listClaims(WIRE)).length).toBe(1)
      expect(reopened.notices).toEqual([])
    } finally {
      await reopened.close()
    }
  })

  it(
    'loses nothing when the upgrading process is killed at any moment',
    { timeout: 90_000 },
    async () => {
      let acknowledged = 0
      for (let run = 0; run < 5; run++) {
        await rm(dataDir, { recursive: true, force: true })
        await cp(V1, dataDir, { recursive: true })
        const child = spawnChild('tests/unit/claims/fixtures/claimsLoop.ts', dataDir)
        await child.line(/^ready/)
        // Kill it at a different point of its first writes each run.
        await new Promise((done) => setTimeout(done, 20 + run * 60))
        child.process.kill('SIGKILL')
        await child.exited
        const acked = child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '))
        acknowledged += acked.length
        const library = await Library.open(dataDir, 'test')
        try {
          await expectEverythingFromV1(library)
          for (const [, articleId, claimId] of acked) {
            expect((await library.listClaims(articleId!)).map((c) => c.id)).toContain(claimId)
          }
          // The claims index was rebuilt or refreshed: the board has every acknowledged claim.
          const board = new Set((await library.claimBoardRows()).map((row) => row.id))
          expect(acked.filter(([, , id]) => !board.has(id!))).toEqual([])
        } finally {
          await library.close()
        }
        for (const folder of [dataDir, join(dataDir, 'annotations')]) {
          expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
        }
      }
      // The kills landed among the writes, not only before them.
      expect(acknowledged).toBeGreaterThan(0)
    }
  )
})
