import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { useStoreFileSystem } from '../../../src/core/store/storeFileSystem'
import { plainToDoc } from '../../../src/shared/richText'
import { sampleArticle } from '../store/sampleArticle'
import { PowerLossRecorder } from './PowerLossRecorder'

const CRASH_POINTS = 60

let root: string
let recorder: PowerLossRecorder
/** After how many recorded operations each save was acknowledged. */
const acked: { op: number; articleId: string; id: string; kind: 'highlight' | 'claim' | 'note' }[] =
  []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-power-'))
  const dataDir = join(root, 'library')
  const setup = await Library.open(dataDir, 'test')
  const ids = (
    await setup.addArticles([
      sampleArticle('Harbour strike enters third day as talks stall over cranes.', 'Strike'),
      sampleArticle('Payroll records show that about nine hundred workers stopped.', 'Payroll')
    ])
  ).map((o) => o.article.id)
  await setup.close()

  recorder = await PowerLossRecorder.start(dataDir)
  const restore = useStoreFileSystem(recorder.fileSystem)
  try {
    const library = await Library.open(dataDir, 'test', { backups: { intervalMs: 3_600_000 } })
    for (let n = 0; n < 12; n++) {
      const articleId = ids[n % 2]!
      const start = (n * 3) % 30
      if (n % 3 === 2) {
        const claim = await library.createClaim({
          articleId,
          start,
          end: start + 5,
          status: 'checking'
        })
        acked.push({ op: recorder.operations, articleId, id: claim.id, kind: 'claim' })
      } else {
        const highlight = await library.createAnnotation({
          articleId,
          start,
          end: start + 4,
          color: 1 + (n % 6),
          note: plainToDoc(`note ${n}`)
        })
        acked.push({ op: recorder.operations, articleId, id: highlight.id, kind: 'highlight' })
      }
      if (n === 5) {
        const notebook = await library.createNotebook('Assessment')
        await library.saveNotebook(notebook.id, plainToDoc('draft one'))
        acked.push({ op: recorder.operations, articleId: '', id: notebook.id, kind: 'note' })
      }
    }
    await library.close()
  } finally {
    restore()
  }
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('power loss (S8): only what was fsynced survives', () => {
  it('at every crash point the library opens whole with every acknowledged save', async () => {
    const total = recorder.operations
    expect(total).toBeGreaterThan(60)
    const points = new Set<number>([0, total])
    // Random points, plus every point around the first acknowledgements.
    while (points.size < CRASH_POINTS) points.add(Math.floor(Math.random() * total))
    for (let n = 0; n < Math.min(total, 40); n++) points.add(n)
    for (const n of [...points].sort((a, b) => a - b)) {
      const dir = join(root, `after-${n}`)
      await recorder.materialize(n, dir)
      const library = await Library.open(dir, 'test')
      try {
        expect(library.listProblems(), `crash after op ${n}`).toEqual([])
        for (const save of acked.filter((a) => a.op <= n)) {
          if (save.kind === 'note') {
            expect((await library.getNotebook(save.id)).doc.content?.length).toBe(1)
            continue
          }
          const stored =
            save.kind === 'claim'
              ? await library.listClaims(save.articleId)
              : await library.listAnnotations(save.articleId)
          expect(
            stored.map((r) => r.id),
            `crash after op ${n}`
          ).toContain(save.id)
        }
      } finally {
        await library.close()
      }
      // No file is ever empty or garbled: every JSON file of the library parses.
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (
          !entry.isFile() ||
          !entry.name.endsWith('.json') ||
          entry.parentPath.includes('backups')
        )
          continue
        const text = await readFile(join(entry.parentPath, entry.name), 'utf8')
        expect(() => JSON.parse(text), `${entry.name} after op ${n}`).not.toThrow()
      }
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
