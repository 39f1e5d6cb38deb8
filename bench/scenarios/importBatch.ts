import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { importPathSources } from '../../src/core/import/importPathSources'
import { Library } from '../../src/core/store/Library'
import { sha256 } from '../../src/core/store/sha256'
import { writeFileDurable } from '../../src/core/store/writeFileDurable'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'
import { writeImportFolder } from '../library/writeImportFolder'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const FILES = 1000
const FILE_BYTES = 5 * 1024

interface State {
  library: WrittenLibrary
  folder: { dir: string; count: number; totalBytes: number }
  baselineDir: string
}

/** Importing a folder of downloads into a big library, until every article is durable. */
export default defineScenario<State>({
  name: 'import-batch',
  description:
    'importPathSources on a folder of ~5 KB files into the big library, vs read + SHA-256 + durable write of the same bytes',
  async setup(context) {
    const library = await writeLibrary(
      join(context.workDir, 'library'),
      standardLibrary(context.scale)
    )
    const folder = await writeImportFolder(join(context.workDir, 'downloads'), {
      seed: BENCH_SEED,
      count: Math.round(FILES * context.scale),
      bytes: FILE_BYTES
    })
    const baselineDir = join(context.workDir, 'baseline')
    await mkdir(baselineDir)
    return { library, folder, baselineDir }
  },

  async measure({ library, folder, baselineDir }) {
    const names = (await readdir(folder.dir)).sort()
    const baseline = async (): Promise<void> => {
      for (const name of names) {
        const bytes = await readFile(join(folder.dir, name))
        await writeFileDurable(join(baselineDir, `${sha256(bytes)}.txt`), bytes)
      }
    }
    const store = await Library.open(library.dir, 'benchmark')
    let imported = 0
    // The baseline runs before and after, so drift in the machine's load shows in both sides.
    const before = await timeAsync(baseline)
    const ours = await timeAsync(async () => {
      const outcomes = await importPathSources(store, [folder.dir])
      imported = outcomes.filter((outcome) => outcome.status === 'imported').length
    })
    const after = await timeAsync(baseline)
    await store.close()
    if (imported !== folder.count) throw new Error(`imported ${imported} of ${folder.count} files`)
    return [
      {
        name: 'import-batch',
        workload: `${folder.count.toLocaleString('en-US')} files of ~5 KB (${formatBytes(folder.totalBytes)}) into ${describeLibrary(library.spec)}`,
        unit: 'ms',
        ours: summarize([ours]),
        baseline: summarize([before, after]),
        baselineLabel: 'read + SHA-256 + durable write of each file, before and after (mean)',
        goal: { maxRatio: 2 },
        notes: [
          `${(ours / folder.count).toFixed(2)} ms per file, including decoding and encoding detection; the index (${formatBytes(library.indexBytes)} at the start) is rewritten once per batch of up to 500 files`
        ]
      }
    ]
  }
})
