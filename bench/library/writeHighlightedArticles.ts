import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation } from '../../src/shared/annotation'
import type { ArticleMeta } from '../../src/shared/article'
import { AnnotationFile as AnnotationFileSchema, FORMAT_VERSION } from '../../src/core/store/files'
import { Library } from '../../src/core/store/Library'
import { generateAnnotation } from './generateCorpus'
import { generateArticleText, generateNote } from './generateText'
import { SeededRandom } from './SeededRandom'

export interface HighlightedArticleSpec {
  seed: number
  /** UTF-16 code units of text, cut at the paragraph boundary at or before it. */
  chars: number
  highlights: number
}

export interface HighlightedArticles {
  /** The article with `spec.highlights` annotations. */
  highlighted: ArticleMeta
  /** The same text plus one sentence, so a different article, with no annotations. */
  plain: ArticleMeta
  /** Share of the text's code units under at least one highlight. */
  coverage: number
  /** Mean number of highlights over a highlighted code unit. */
  depth: number
}

const EPOCH = Date.parse('2024-06-01T00:00:00Z')

/**
 * A library of two long articles for rendering benchmarks: both imported through
 * `Library.addArticle`, the highlights of the first written straight into its annotation
 * file (checked against the store's schema), since 5,000 durable saves would each rewrite
 * the whole growing file. The library is reopened to prove it loads and counts them.
 */
export async function writeHighlightedArticles(
  dir: string,
  spec: HighlightedArticleSpec
): Promise<HighlightedArticles> {
  const random = new SeededRandom(spec.seed)
  // Every code unit is at least one UTF-8 byte and at most three, so 3× bytes is enough.
  const generated = generateArticleText(random, spec.chars * 3)
  const text = generated.text.slice(0, generated.text.lastIndexOf('\n\n', spec.chars))
  const plainText = `${text} ${generateNote(random, 'latin', 1)}`

  const library = await Library.open(dir, 'benchmark')
  let highlighted: ArticleMeta
  let plain: ArticleMeta
  try {
    const add = async (body: string, title: string): Promise<ArticleMeta> =>
      (
        await library.addArticle({
          text: body,
          fields: { title, tags: ['benchmark'] },
          origin: {
            kind: 'paste',
            byteSha256: '0'.repeat(64),
            byteLength: Buffer.byteLength(body),
            encoding: 'utf-8',
            encodingConfidence: 1,
            format: 'text',
            importerVersion: 'bench-generator'
          }
        })
      ).article
    highlighted = await add(text, `Highlighted: ${generated.title}`)
    plain = await add(plainText, `Plain: ${generated.title}`)
  } finally {
    await library.close()
  }

  const annotations: Annotation[] = Array.from({ length: spec.highlights }, (_, n) =>
    generateAnnotation(random, highlighted, text, generated.script, EPOCH + n * 60_000)
  )
  const file = AnnotationFileSchema.parse({
    format: FORMAT_VERSION,
    articleId: highlighted.id,
    textSha256: highlighted.textSha256,
    annotations,
    claims: [],
    links: [],
    tombstones: []
  })
  await writeFile(join(dir, 'annotations', `${highlighted.id}.json`), JSON.stringify(file))

  const reopened = await Library.open(dir, 'benchmark')
  try {
    const listed = await reopened.listAnnotations(highlighted.id)
    if (listed.length !== spec.highlights || reopened.notices.length > 0)
      throw new Error(`the benchmark article did not load: ${reopened.notices.join(' ')}`)
  } finally {
    await reopened.close()
  }
  return { highlighted, plain, ...overlap(text.length, annotations) }
}

function overlap(length: number, annotations: Annotation[]): { coverage: number; depth: number } {
  const depthAt = new Uint16Array(length)
  for (const { position } of annotations)
    for (let i = position.start; i < position.end; i++) depthAt[i]++
  let covered = 0
  let total = 0
  for (const depth of depthAt) {
    if (depth > 0) covered++
    total += depth
  }
  return { coverage: covered / length, depth: covered === 0 ? 0 : total / covered }
}
