import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnnotationFile, IndexFile } from '../../../src/core/store/files'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from './sampleArticle'
import { spawnChild } from './spawnChild'

const RUNS = 40
const MIN_RUNS = 30
/** Past MIN_RUNS, stop starting runs after this, so a slow shared machine still finishes in time. */
const BUDGET_MS = 45_000

let dir: string
let articleIds: string[]
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-crash-'))
  const library = await Library.open(dir, 'test')
  articleIds = []
  for (const text of [
    'Harbour strike enters second week. Dock workers walked out on Monday and the port is closed.',
    'Election results delayed. Counting resumed after a power cut; officials expect a result soon.',
    'Grève au port : les dockers réclament une hausse de salaire. 港口罢工进入第二周。🚢 Fin.'
  ]) {
    articleIds.push((await library.addArticle(sampleArticle(text))).article.id)
  }
  await library.close()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

/** Opens the library after a kill and checks that it is whole and holds every ack. */
async function verify(acked: Map<string, string>): Promise<void> {
  const library = await Library.open(dir, 'test')
  try {
    expect(library.notices).toEqual([])
    const index = IndexFile.parse(await readJson(join(dir, 'library.json')))
    expect(index.articles.map((a) => a.id).sort()).toEqual([...articleIds].sort())
    for (const articleId of articleIds) {
      const annotations = await library.listAnnotations(articleId)
      const ids = new Set(annotations.map((a) => a.id))
      const missing = [...acked].filter(([id, on]) => on === articleId && !ids.has(id))
      expect(missing).toEqual([])
      expect(library.findArticle(articleId).counts.highlights).toBe(annotations.length)
    }
    for (const name of await readdir(join(dir, 'annotations'))) {
      AnnotationFile.parse(await readJson(join(dir, 'annotations', name)))
    }
    for (const folder of [dir, join(dir, 'annotations'), join(dir, 'bodies')]) {
      // The store's temp files; a kill while taking the lock can leave `dossier.lock.*.tmp`.
      expect((await readdir(folder)).filter((name) => /^\..*\.tmp$/.test(name))).toEqual([])
    }
  } finally {
    await library.close()
  }
}

describe('crash test (S1)', () => {
  it(`keeps every acknowledged annotation through ${RUNS} SIGKILLs`, async () => {
    const acked = new Map<string, string>()
    const started = Date.now()
    let runs = 0
    let killedWhileSaving = 0
    for (; runs < RUNS && (runs < MIN_RUNS || Date.now() - started < BUDGET_MS); runs++) {
      const child = spawnChild(
        'tests/unit/store/fixtures/saveAnnotationsLoop.ts',
        dir,
        ...articleIds
      )
      // One run in five is killed while it starts or opens the library; the rest while saving.
      if (runs % 5 === 4) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 250))
      } else {
        await child.line(/^ready$/)
        await child.line(new RegExp(`^ack `))
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 150))
        killedWhileSaving++
      }
      child.process.kill('SIGKILL')
      await child.exited
      expect(child.process.signalCode, child.stderr()).toBe('SIGKILL')
      for (const line of child.lines) {
        const [kind, articleId, id] = line.split(' ')
        if (kind === 'ack') acked.set(id!, articleId!)
      }
      await verify(acked)
    }
    console.log(
      `crash test: ${runs} kills (${killedWhileSaving} while saving), ${acked.size} acknowledged annotations, all present`
    )
    expect(runs).toBeGreaterThanOrEqual(MIN_RUNS)
    expect(acked.size).toBeGreaterThan(killedWhileSaving)
  }, 240_000)
})
