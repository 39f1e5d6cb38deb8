import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { docToPlain } from '../../../src/shared/richText'
import { sampleArticle } from '../store/sampleArticle'
import { spawnChild } from '../store/spawnChild'

/** The figures: 10,000 edit→save cycles, a SIGKILL about every 500. */
const CYCLES = Number(process.env.DOSSIER_SOAK_CYCLES ?? 10_000)
const KILL_EVERY = 500
/**
 * A SIGKILL keeps everything the process handed the kernel, fsynced or not (the page cache
 * outlives the process), so what a kill can lose does not depend on fsync. The soak runs in
 * a RAM-backed folder where there is one, where an fsync costs nothing: half the time on a
 * disk. What needs the fsyncs to count is the power-loss test, which replays only those.
 */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

let root: string
let dataDir: string
let articleId: string
let annotationId: string
beforeAll(async () => {
  root = await mkdtemp(join(SCRATCH, 'dossier-soak-'))
  dataDir = join(root, 'library')
  const library = await Library.open(dataDir, 'test')
  const { article } = await library.addArticle(sampleArticle('Harbour strike enters third day.'))
  articleId = article.id
  annotationId = (await library.createAnnotation({ articleId, start: 0, end: 7, color: 1 })).id
  await library.close()
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('soak (S16)', () => {
  it(`${CYCLES} edit→save cycles with a SIGKILL about every ${KILL_EVERY}: no acknowledged edit lost`, async () => {
    let acked = 0
    let kills = 0
    while (acked < CYCLES) {
      const child = spawnChild(
        'tests/unit/durability/fixtures/soakLoop.ts',
        dataDir,
        annotationId,
        articleId,
        String(acked)
      )
      await child.line(/^ready/)
      const target = acked + KILL_EVERY - 50 + Math.floor(Math.random() * 100)
      await child.line(new RegExp(`^ack ${Math.min(target, CYCLES)}$`))
      child.process.kill('SIGKILL')
      await child.exited
      kills++
      const last = Math.max(
        ...child.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
      )
      const library = await Library.open(dataDir, 'test')
      try {
        const [annotation] = await library.listAnnotations(articleId)
        // The note holds the last acknowledged value, or one saved just after it.
        expect(Number(docToPlain(annotation!.note))).toBeGreaterThanOrEqual(last)
        acked = Number(docToPlain(annotation!.note))
        expect(library.listProblems()).toEqual([])
      } finally {
        await library.close()
      }
      // Temp files never pile up; backups stay within the rotation.
      const names = await readdir(dataDir, { recursive: true })
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
      expect((await readdir(join(dataDir, 'backups')).catch(() => [])).length).toBeLessThanOrEqual(
        17
      )
    }
    expect(kills).toBeGreaterThanOrEqual(Math.floor(CYCLES / (KILL_EVERY + 50)))
  }, 300_000)
})
