import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleMeta } from '../../src/shared/article'
import { quoteAt, snapToCodePoint } from '../../src/shared/anchoring'
import type { Claim, ClaimLink } from '../../src/shared/claim'
import { ATTRIBUTIONS, CLAIM_STATUSES, LINK_RELATIONS } from '../../src/shared/claim'
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../../src/shared/source'
import type { AnnotationFile } from '../../src/core/store/files'
import {
  AnnotationFile as AnnotationFileSchema,
  FORMAT_VERSION,
  IndexFile
} from '../../src/core/store/files'
import { Library } from '../../src/core/store/Library'
import { generateNote } from './generateText'
import { SeededRandom } from './SeededRandom'
import type { WrittenLibrary } from './writeLibrary'

export interface ClaimSpec {
  seed: number
  /** Claims in articles outside the Trash. */
  claims: number
  sources: number
  /** Share of the claims that link to another claim. */
  linkedShare: number
}

export interface WrittenClaims {
  claims: number
  links: number
  sources: number
  /** Bytes of the annotation files after the claims were added. */
  annotationBytes: number
}

const CLAIM_TAGS = ['figures', 'casualties', 'attribution', 'timeline', 'official', 'leak']
/** Reviews are mostly still open, as in a working library. */
const STATUS_WEIGHTS = [0.45, 0.15, 0.15, 0.1, 0.08, 0.07]

/**
 * Adds claims, sources and links to a library `writeLibrary` wrote, straight into the
 * store's files like the highlights (50,000 durable saves would take minutes): each
 * annotation file is checked against the store's schema, and the counts in `library.json`
 * are updated. Sources are created and graded through the store. A claim the store itself
 * made, in a scratch library, is the template of every claim, so the records have exactly
 * the shape the store writes. The claims index is then rebuilt by opening the library.
 */
export async function writeClaims(
  library: WrittenLibrary,
  spec: ClaimSpec,
  scratchDir: string
): Promise<WrittenClaims> {
  const random = new SeededRandom(spec.seed ^ 0x5eed)
  const template = await templateClaim(scratchDir)
  const sourceIds = await createSources(library.dir, spec, random)

  const live = library.articles.filter((article) => article.deletedAt === undefined)
  const perArticle = new Map<ArticleMeta, number>()
  for (let n = 0; n < spec.claims; n++) {
    const article = live[Math.floor(random.next() * live.length)]!
    perArticle.set(article, (perArticle.get(article) ?? 0) + 1)
  }

  // Claims first, so links can point at claims of any article.
  const files = new Map<ArticleMeta, AnnotationFile>()
  const all: Claim[] = []
  for (const [article, count] of perArticle) {
    const text = await readFile(join(library.dir, 'bodies', `${article.textSha256}.txt`), 'utf8')
    const file = await readAnnotations(library.dir, article)
    const at = Date.parse(article.importedAt)
    for (let n = 0; n < count; n++) {
      const claim = generateClaim(random, template, article, text, sourceIds, at + n * 90_000)
      file.claims.push(claim)
      all.push(claim)
    }
    files.set(article, file)
  }
  let links = 0
  const byId = new Map([...files.values()].flatMap((f) => f.claims.map((c) => [c.id, f])))
  for (const from of all) {
    if (!random.chance(spec.linkedShare)) continue
    const to = all[Math.floor(random.next() * all.length)]!
    if (to.id === from.id) continue
    const createdAt = new Date(Date.parse(from.createdAt) + 60_000).toISOString()
    const link: ClaimLink = {
      id: random.uuid(),
      fromClaimId: from.id,
      fromArticleId: from.articleId,
      toClaimId: to.id,
      toArticleId: to.articleId,
      relation: random.pick(LINK_RELATIONS),
      createdAt,
      updatedAt: createdAt
    }
    byId.get(from.id)!.links.push(link)
    links++
  }

  let annotationBytes = 0
  for (const [article, file] of files) {
    const json = JSON.stringify(AnnotationFileSchema.parse(file))
    annotationBytes += Buffer.byteLength(json)
    await writeFile(join(library.dir, 'annotations', `${article.id}.json`), json)
    article.counts = { ...article.counts, claims: file.claims.length }
  }
  const indexPath = join(library.dir, 'library.json')
  const index = IndexFile.parse(JSON.parse(await readFile(indexPath, 'utf8')))
  const counts = new Map(library.articles.map((a) => [a.id, a.counts]))
  for (const article of index.articles) article.counts = counts.get(article.id) ?? article.counts
  await writeFile(indexPath, JSON.stringify(index))

  // The claims index is derived: rebuilt from the files just written when first asked.
  await unlink(join(library.dir, 'claims-index.json')).catch(() => undefined)
  const reopened = await Library.open(library.dir, 'benchmark')
  try {
    const board = await reopened.claimBoardRows()
    if (board.length !== spec.claims || reopened.notices.length > 0)
      throw new Error(
        `the claims did not load: ${board.length} of ${spec.claims}. ${reopened.notices.join(' ')}`
      )
  } finally {
    await reopened.close()
  }
  return { claims: spec.claims, links, sources: sourceIds.length, annotationBytes }
}

/** One claim as the store writes it, from a scratch library that is then deleted. */
async function templateClaim(scratchDir: string): Promise<Claim> {
  const dir = await mkdtemp(join(scratchDir, 'template-'))
  const library = await Library.open(dir, 'benchmark')
  try {
    const text = 'A template article.\n\nThe union says 2,400 workers walked out.'
    const { article } = await library.addArticle({
      text,
      fields: { title: 'Template', tags: [] },
      origin: {
        kind: 'paste',
        byteSha256: '0'.repeat(64),
        byteLength: Buffer.byteLength(text),
        encoding: 'utf-8',
        encodingConfidence: 1,
        format: 'text',
        importerVersion: 'bench-generator'
      }
    })
    return await library.createClaim({ articleId: article.id, start: 22, end: 60 })
  } finally {
    await library.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The registry, through the store: named people and outlets, most of them graded. */
async function createSources(
  dir: string,
  spec: ClaimSpec,
  random: SeededRandom
): Promise<string[]> {
  const library = await Library.open(dir, 'benchmark')
  try {
    const ids: string[] = []
    for (let n = 0; n < spec.sources; n++) {
      const words = generateNote(random, 'latin', 1)
        .replace(/[.,!?]/g, '')
        .split(' ')
      const name = `${words.slice(0, random.int(2, 3)).join(' ')} ${n + 1}`
      const source = await library.createSource({ name, kind: random.pick(SOURCE_KINDS) })
      if (random.chance(0.7))
        await library.gradeSource({
          id: source.id,
          reliability: random.pick(RELIABILITY_GRADES),
          reason: generateNote(random, 'latin', 1)
        })
      ids.push(source.id)
    }
    return ids
  } finally {
    await library.close()
  }
}

async function readAnnotations(dir: string, article: ArticleMeta): Promise<AnnotationFile> {
  try {
    const raw = await readFile(join(dir, 'annotations', `${article.id}.json`), 'utf8')
    return AnnotationFileSchema.parse(JSON.parse(raw))
  } catch {
    return AnnotationFileSchema.parse({
      format: FORMAT_VERSION,
      articleId: article.id,
      textSha256: article.textSha256,
      annotations: [],
      claims: [],
      links: [],
      tombstones: []
    })
  }
}

/** A passage of 40–250 code units with the analyst's judgement of it. */
function generateClaim(
  random: SeededRandom,
  template: Claim,
  article: ArticleMeta,
  text: string,
  sourceIds: string[],
  createdAtMs: number
): Claim {
  let start = 0
  let end = 0
  while (text.slice(start, end).trim() === '') {
    start = snapToCodePoint(text, random.int(0, text.length - 2), 'backward')
    end = snapToCodePoint(text, Math.min(text.length, start + random.int(40, 250)), 'forward')
  }
  const position = { start, end }
  const createdAt = new Date(createdAtMs).toISOString()
  const updatedAt = new Date(createdAtMs + random.int(0, 30 * 86_400) * 1000).toISOString()
  const credibility = random.chance(0.7) ? random.int(1, 6) : undefined
  const sourceId = random.chance(0.8) ? random.pick(sourceIds) : undefined
  return {
    ...template,
    id: random.uuid(),
    articleId: article.id,
    position,
    quote: quoteAt(text, position),
    statement: random.chance(0.5) ? generateNote(random, 'latin', 1).slice(0, 200) : '',
    ...(sourceId ? { sourceId } : {}),
    attribution: random.pick(ATTRIBUTIONS),
    status: CLAIM_STATUSES[weighted(random, STATUS_WEIGHTS)]!,
    ...(credibility ? { credibility } : {}),
    tags: Array.from({ length: random.int(0, 2) }, () => random.pick(CLAIM_TAGS)).filter(
      (tag, i, all) => all.indexOf(tag) === i
    ),
    history: [{ at: createdAt, field: 'created' }],
    createdAt,
    updatedAt
  }
}

function weighted(random: SeededRandom, weights: readonly number[]): number {
  let roll = random.next()
  for (const [i, weight] of weights.entries()) {
    roll -= weight
    if (roll < 0) return i
  }
  return weights.length - 1
}
