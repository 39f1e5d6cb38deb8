import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildBackup } from '../../src/core/export/buildBackup'
import { collectExport } from '../../src/core/export/collectExport'
import { ExportJob } from '../../src/core/export/ExportJob'
import type { ExportSet } from '../../src/core/export/ExportSet'
import { renderWebAnnotation } from '../../src/core/export/renderWebAnnotation'
import { resolveScope } from '../../src/core/export/resolveScope'
import { restoreBackup } from '../../src/core/export/restoreBackup'
import { Library } from '../../src/core/store/Library'
import { sha256 } from '../../src/core/store/sha256'
import { writeFileDurable } from '../../src/core/store/writeFileDurable'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

/** The Web Annotation row's library: 1,000 articles with 10,000 annotations at full size. */
const ANNOTATED_ARTICLES = 1000
const RENDER_SAMPLES = 15
/** Runs of both sides before sampling: the first compile the export's code. */
const WARMUP = 3
const BACKUP_SAMPLES = 3

interface State {
  /** 10,000 annotations, read into what the export renders from. */
  set: ExportSet
  annotated: WrittenLibrary
  /** The 10,000-article library, opened. */
  big: WrittenLibrary
  library: Library
  restoreDir: string
  baselineDir: string
}

/**
 * Export at the sizes: 10,000 annotations as Web Annotation JSON-LD against
 * JSON.stringify of the same records; the JSON backup of the 10,000-article library
 * against reading and stringifying its files; restoring that backup into an empty library
 * against the import-batch baseline (SHA-256 and a durable write) for the same bytes.
 */
export default defineScenario<State>({
  name: 'export',
  description:
    'Web Annotation export vs JSON.stringify of the records; JSON backup vs read + stringify of the files; restore vs hash + durable write of the same bytes',
  async setup(context) {
    const annotated = await writeLibrary(
      join(context.workDir, 'annotated'),
      standardLibrary(context.scale, ANNOTATED_ARTICLES)
    )
    const small = await Library.open(annotated.dir, 'benchmark')
    let set: ExportSet
    try {
      const scope = await resolveScope(small, { format: 'wa' })
      set = await collectExport(small, scope, {}, new ExportJob())
    } finally {
      await small.close()
    }
    const big = await writeLibrary(join(context.workDir, 'big'), standardLibrary(context.scale))
    context.log(`generated ${describeLibrary(big.spec)} in ${Math.round(big.generateMs)} ms`)
    const restoreDir = join(context.workDir, 'restored')
    const baselineDir = join(context.workDir, 'baseline')
    await mkdir(baselineDir)
    const library = await Library.open(big.dir, 'benchmark')
    return { set, annotated, big, library, restoreDir, baselineDir }
  },

  async measure(state) {
    const rows = []

    // Web Annotation: the records the export is made of, as JSON, vs the collection.
    const records = state.set.articles.map((entry) => ({
      article: { id: entry.article.id, title: entry.article.title },
      highlights: entry.highlights,
      claims: entry.claims
    }))
    const annotations = state.set.articles.reduce((n, a) => n + a.highlights.length, 0)
    const waTimes: number[] = []
    const stringifyTimes: number[] = []
    let waBytes = 0
    for (let i = 0; i < WARMUP + RENDER_SAMPLES; i++) {
      // Alternated, so that a noisy neighbour hits both sides alike.
      const raw = await timeAsync(async () => JSON.stringify(records))
      const ours = await timeAsync(
        async () => (waBytes = renderWebAnnotation(state.set).content.length)
      )
      if (i < WARMUP) continue
      stringifyTimes.push(raw)
      waTimes.push(ours)
    }
    rows.push({
      name: 'export-web-annotation',
      workload: `${annotations.toLocaleString('en-US')} annotations in ${state.set.articles.length.toLocaleString('en-US')} articles`,
      unit: 'ms' as const,
      ours: summarize(waTimes),
      baseline: summarize(stringifyTimes),
      baselineLabel: 'JSON.stringify of the same highlight records',
      goal: { maxRatio: 3 },
      notes: [
        `${formatBytes(waBytes)} of JSON-LD, ${formatBytes(JSON.stringify(records).length)} of records; each annotation carries its context, selectors in code points and its note as HTML`
      ]
    })

    // The backup, from the open library, vs reading every file and stringifying it all.
    const baseline = async (): Promise<void> => {
      const dir = state.big.dir
      const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
      const bodies: string[] = []
      for (const name of await readdir(join(dir, 'bodies')))
        bodies.push(await readFile(join(dir, 'bodies', name), 'utf8'))
      const files: unknown[] = []
      for (const name of await readdir(join(dir, 'annotations')))
        files.push(JSON.parse(await readFile(join(dir, 'annotations', name), 'utf8')))
      JSON.stringify({ index, bodies, files })
    }
    const scope = await resolveScope(state.library, { format: 'json' })
    let content = ''
    const backupTimes: number[] = []
    const readTimes: number[] = []
    for (let i = 0; i < BACKUP_SAMPLES; i++) {
      readTimes.push(await timeAsync(baseline))
      backupTimes.push(
        await timeAsync(
          async () => (content = (await buildBackup(state.library, scope, new ExportJob())).content)
        )
      )
    }
    rows.push({
      name: 'export-backup',
      workload: `${describeLibrary(state.big.spec)} (${formatBytes(content.length)} of JSON)`,
      unit: 'ms' as const,
      ours: summarize(backupTimes),
      baseline: summarize(readTimes),
      baselineLabel: 'read every file of the library, JSON.parse, one JSON.stringify',
      goal: { maxRatio: 2 },
      notes: [
        'ours also checks each text against its SHA-256 and each annotation file against its schema, as every read of the store does'
      ]
    })

    // Restore into an empty library, vs the import-batch baseline for the same bytes: each
    // text hashed and written durably, and each article's records written durably.
    const document = JSON.parse(content) as {
      articles: { text: string; annotations: unknown[]; claims: unknown[] }[]
    }
    const restoreBaseline = async (): Promise<void> => {
      for (const [i, entry] of document.articles.entries()) {
        await writeFileDurable(join(state.baselineDir, `${sha256(entry.text)}.txt`), entry.text)
        if (entry.annotations.length + entry.claims.length > 0)
          await writeFileDurable(
            join(state.baselineDir, `${i}.json`),
            JSON.stringify({ annotations: entry.annotations, claims: entry.claims })
          )
      }
    }
    const before = await timeAsync(restoreBaseline)
    const target = await Library.open(state.restoreDir, 'benchmark')
    const restore = await timeAsync(async () => {
      await restoreBackup(target, content, 'empty')
      // Until everything is on disk: the claims index and counts are written on close.
      await target.close()
    })
    const after = await timeAsync(restoreBaseline)
    rows.push({
      name: 'restore-backup',
      workload: `the ${formatBytes(content.length)} backup of ${describeLibrary(state.big.spec)} into an empty library`,
      unit: 'ms' as const,
      ours: summarize([restore]),
      baseline: summarize([before, after]),
      baselineLabel:
        'SHA-256 + durable write of each text and of each article’s records, one at a time (import-batch’s baseline), before and after',
      goal: { maxRatio: 2 },
      notes: [
        'ours parses and checks the whole backup first (schema, every text against its hash, every passage against its text), then writes texts and annotation files 16 at a time'
      ]
    })
    return rows
  },

  async teardown(state) {
    await state.library.close()
  }
})
