import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleMeta } from '../../src/shared/article'
import type { AnnotationFile } from '../../src/core/store/files'
import {
  AnnotationFile as AnnotationFileSchema,
  FORMAT_VERSION,
  INDEX_FORMAT,
  IndexFile
} from '../../src/core/store/files'
import { Library } from '../../src/core/store/Library'
import type { LibrarySpec } from './generateCorpus'
import { generateCorpus } from './generateCorpus'

/** Parallel writes in flight: enough to keep the disk busy, few enough for shared cores. */
const WRITES_IN_FLIGHT = 32

export interface WrittenLibrary {
  dir: string
  spec: LibrarySpec
  /** In index order; trashed articles included. */
  articles: ArticleMeta[]
  indexBytes: number
  annotationBytes: number
  bodyBytes: number
  /** Wall time to generate, write and re-open the library, in milliseconds. */
  generateMs: number
}

/**
 * Generates a library straight into the store's on-disk format, without the store's
 * durable saves (which would mean 100,000 fsyncs): the files Library itself would write,
 * compact JSON and all, each checked against the schemas in `src/core/store/files.ts`.
 * Then opens it with `Library.open` to prove the store accepts it.
 */
export async function writeLibrary(dir: string, spec: LibrarySpec): Promise<WrittenLibrary> {
  const start = performance.now()
  await mkdir(join(dir, 'bodies'), { recursive: true })
  await mkdir(join(dir, 'annotations'), { recursive: true })
  const articles: ArticleMeta[] = []
  let annotationBytes = 0
  let bodyBytes = 0
  const inFlight = new Set<Promise<void>>()
  const write = async (path: string, data: string): Promise<void> => {
    const pending = writeFile(path, data).finally(() => inFlight.delete(pending))
    inFlight.add(pending)
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight)
  }
  for (const { meta, text, annotations } of generateCorpus(spec)) {
    articles.push(meta)
    bodyBytes += Buffer.byteLength(text)
    await write(join(dir, 'bodies', `${meta.textSha256}.txt`), text)
    // Like the store: an article nobody annotated has no annotation file yet.
    if (annotations.length === 0) continue
    const file: AnnotationFile = AnnotationFileSchema.parse({
      format: FORMAT_VERSION,
      articleId: meta.id,
      textSha256: meta.textSha256,
      annotations,
      claims: [],
      links: [],
      tombstones: []
    })
    const json = JSON.stringify(file)
    annotationBytes += Buffer.byteLength(json)
    await write(join(dir, 'annotations', `${meta.id}.json`), json)
  }
  await Promise.all(inFlight)
  // Last, as in a real library: the index is flushed after the annotation saves it counts.
  const index = JSON.stringify(IndexFile.parse({ format: INDEX_FORMAT, articles, tombstones: [] }))
  await writeFile(join(dir, 'library.json'), index)

  const library = await Library.open(dir, 'benchmark')
  try {
    const listed = library.listArticles().length + library.listArticles({ trash: true }).length
    if (listed !== spec.articles || library.notices.length > 0)
      throw new Error(`generated library in ${dir} did not load: ${library.notices.join(' ')}`)
  } finally {
    await library.close()
  }
  return {
    dir,
    spec,
    articles,
    indexBytes: Buffer.byteLength(index),
    annotationBytes,
    bodyBytes,
    generateMs: performance.now() - start
  }
}
