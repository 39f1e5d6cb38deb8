import type { Annotation } from '../../src/shared/annotation'
import { quoteAt, snapToCodePoint } from '../../src/shared/anchoring'
import type { ArticleMeta } from '../../src/shared/article'
import { sha256 } from '../../src/core/store/sha256'
import { generateArticleText, generateNote } from './generateText'
import { SeededRandom } from './SeededRandom'
import { plainToDoc } from '../../src/shared/richText'

/** What to generate; the same spec always gives byte-identical articles and annotations. */
export interface LibrarySpec {
  seed: number
  articles: number
  annotations: number
  /**
   * The articles' prose, when not the generator's own syllable text (whose words no
   * language model knows): e.g. news paragraphs for the attribution finder.
   */
  prose?: (random: SeededRandom, targetBytes: number) => ReturnType<typeof generateArticleText>
}

export interface GeneratedArticle {
  meta: ArticleMeta
  text: string
  annotations: Annotation[]
}

/** Every 500th article is a 500 KB one (a long report), the rest 2–20 KB. */
const BIG_ARTICLE_EVERY = 500
const BIG_ARTICLE_BYTES = 500 * 1024
const MIN_ARTICLE_BYTES = 2 * 1024
const MAX_ARTICLE_BYTES = 20 * 1024
const TRASHED_CHANCE = 0.01
const EPOCH = Date.parse('2024-01-01T00:00:00Z')
const TAGS = [
  'sanctions',
  'elections',
  'energy',
  'disinformation',
  'health',
  'climate',
  'trade',
  '情報',
  'выборы',
  'طاقة'
]

/** Article by article, so that a 10,000-article library never sits in memory whole. */
export function* generateCorpus(spec: LibrarySpec): Generator<GeneratedArticle> {
  const counts = annotationCounts(spec)
  for (let index = 0; index < spec.articles; index++)
    yield generateArticle(spec.seed, index, counts[index], spec.prose)
}

/** Article lengths follow a log-uniform spread: most are short, some approach 20 KB. */
export function articleTargetBytes(random: SeededRandom, index: number): number {
  if (index % BIG_ARTICLE_EVERY === BIG_ARTICLE_EVERY / 2) return BIG_ARTICLE_BYTES
  return Math.round(MIN_ARTICLE_BYTES * (MAX_ARTICLE_BYTES / MIN_ARTICLE_BYTES) ** random.next())
}

/**
 * Spreads the annotations unevenly, as analysts do: about a fifth of the articles have
 * none, a few are heavily worked.
 */
function annotationCounts({ seed, articles, annotations }: LibrarySpec): Uint32Array {
  const random = new SeededRandom(seed ^ 0xa5a5a5a5)
  const cumulative = new Float64Array(articles)
  let total = 0
  for (let i = 0; i < articles; i++) {
    total += random.chance(0.2) ? 0 : Math.log(1 - random.next()) ** 2
    cumulative[i] = total
  }
  const counts = new Uint32Array(articles)
  for (let n = 0; n < annotations; n++) {
    const target = random.next() * total
    let low = 0
    let high = articles - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] > target) high = middle
      else low = middle + 1
    }
    counts[low]++
  }
  return counts
}

export function generateArticle(
  seed: number,
  index: number,
  annotationCount: number,
  prose: LibrarySpec['prose'] = generateArticleText
): GeneratedArticle {
  const random = SeededRandom.forItem(seed, index)
  const { text, title, script } = prose(random, articleTargetBytes(random, index))
  const textSha256 = sha256(text)
  const importedAt = new Date(EPOCH + index * 37 * 60_000).toISOString()
  const fileName = `article-${String(index).padStart(5, '0')}.txt`
  const meta: ArticleMeta = {
    id: textSha256.slice(0, 16),
    title: title.slice(0, 200),
    ...(random.chance(0.6)
      ? { source: random.pick(['Reuters', 'Meduza', 'Al Jazeera', 'NHK', 'Le Monde']) }
      : {}),
    ...(random.chance(0.4) ? { author: generateNote(random, script, 1).slice(0, 40) } : {}),
    ...(random.chance(0.5)
      ? { url: `https://example.org/news/${index}/${textSha256.slice(0, 8)}` }
      : {}),
    tags: Array.from({ length: random.int(0, 3) }, () => random.pick(TAGS)).filter(
      (tag, i, all) => all.indexOf(tag) === i
    ),
    textSha256,
    textLength: text.length,
    origin: {
      kind: 'file',
      fileName,
      filePath: `/home/analyst/inbox/${fileName}`,
      byteSha256: textSha256,
      byteLength: Buffer.byteLength(text),
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      modifiedAt: importedAt,
      importerVersion: 'bench-generator'
    },
    importedAt,
    updatedAt: importedAt,
    ...(random.chance(TRASHED_CHANCE) ? { deletedAt: importedAt } : {}),
    counts: { highlights: annotationCount, claims: 0 }
  }
  const annotations = Array.from({ length: annotationCount }, (_, n) =>
    generateAnnotation(random, meta, text, script, Date.parse(importedAt) + (n + 1) * 60_000)
  )
  return { meta, text, annotations }
}

/** A highlight of 20–300 code units, with a note half of the time, some of them long. */
export function generateAnnotation(
  random: SeededRandom,
  article: ArticleMeta,
  text: string,
  script: Parameters<typeof generateNote>[1],
  createdAtMs: number
): Annotation {
  let start = 0
  let end = 0
  // A span of only white space is refused by the store; draw again.
  while (text.slice(start, end).trim() === '') {
    start = snapToCodePoint(text, random.int(0, text.length - 2), 'backward')
    end = snapToCodePoint(text, Math.min(text.length, start + random.int(20, 300)), 'forward')
  }
  const position = { start, end }
  const roll = random.next()
  const note = roll < 0.5 ? '' : generateNote(random, script, roll < 0.85 ? 1 : 6)
  const createdAt = new Date(createdAtMs).toISOString()
  return {
    id: random.uuid(),
    articleId: article.id,
    position,
    quote: quoteAt(text, position),
    color: random.int(1, 6),
    note: plainToDoc(note),
    createdAt,
    updatedAt: createdAt
  }
}
