import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { Annotation } from '../../src/shared/annotation'
import type { ArticleMeta } from '../../src/shared/article'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import type { LibrarySpec } from '../library/generateCorpus'
import { generateAnnotation, generateCorpus } from '../library/generateCorpus'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'

const SAMPLES = 7

interface NaiveArticle extends ArticleMeta {
  text: string
  annotations: Annotation[]
}

interface State {
  spec: LibrarySpec
  path: string
  db: Low<{ articles: NaiveArticle[] }>
}

/**
 * The design Dossier did not choose, for comparison: everything (metadata, texts,
 * annotations) in one lowdb file with lowdb's own JSONFile adapter. Report only.
 */
export default defineScenario<State>({
  name: 'naive-lowdb',
  description: 'the same save in one lowdb JSONFile holding the whole library (report only)',
  async setup(context) {
    const spec = standardLibrary(context.scale)
    const path = join(context.workDir, 'db.json')
    const db = new Low<{ articles: NaiveArticle[] }>(new JSONFile(path), { articles: [] })
    for (const { meta, text, annotations } of generateCorpus(spec))
      db.data.articles.push({ ...meta, text, annotations })
    await db.write()
    return { spec, path, db }
  },

  async measure({ spec, path, db }, context) {
    const samples = Math.max(5, Math.round(SAMPLES * context.scale))
    const random = new SeededRandom(BENCH_SEED ^ 0x10db)
    const times: number[] = []
    for (let i = 0; i <= samples; i++) {
      const article = random.pick(db.data.articles)
      article.annotations.push(
        generateAnnotation(random, article, article.text, 'latin', Date.now())
      )
      const time = await timeAsync(() => db.write())
      if (i > 0) times.push(time)
    }
    // The synchronous part of every save: Electron's main process is blocked for this long.
    const start = performance.now()
    JSON.stringify(db.data, null, 2)
    const blocked = performance.now() - start
    const { size } = await stat(path)
    return [
      {
        name: 'naive-lowdb',
        workload: `save 1 annotation; ${describeLibrary(spec)} in one ${formatBytes(size)} file`,
        unit: 'ms',
        ours: summarize(times, { p95: true }),
        notes: [
          `of which JSON.stringify(data, null, 2) blocks the thread for ${blocked.toFixed(0)} ms`,
          'lowdb (steno) writes a temp file and renames it, with no fsync: even this is not durable'
        ]
      }
    ]
  }
})
