import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleMeta } from '../../src/shared/article'
import type { Claim, ClaimLink } from '../../src/shared/claim'
import { ATTRIBUTIONS, CLAIM_STATUSES, LINK_RELATIONS } from '../../src/shared/claim'
import { plainToDoc } from '../../src/shared/richText'
import { Library } from '../../src/core/store/Library'
import { writeFileDurable } from '../../src/core/store/writeFileDurable'
import { defineScenario } from '../harness/defineScenario'
import { formatBytes } from '../harness/formatBytes'
import { summarize } from '../harness/summarize'
import { timeAsync } from '../harness/timeAsync'
import { generateNote } from '../library/generateText'
import { SeededRandom } from '../library/SeededRandom'
import { BENCH_SEED, describeLibrary, standardLibrary } from '../library/standardLibrary'
import type { WrittenClaims } from '../library/writeClaims'
import { writeClaims } from '../library/writeClaims'
import type { WrittenLibrary } from '../library/writeLibrary'
import { writeLibrary } from '../library/writeLibrary'

const SAMPLES = 300
const WARMUP = 10
/** The claims board's library: claims already there, so the index and files are full. */
const FULL_CLAIMS = 50_000
const FULL_SOURCES = 600
const LINKED_SHARE = 0.2

interface ClaimTarget {
  article: ArticleMeta
  start: number
  end: number
  sourceId: string
  note: string
}

interface State {
  written: WrittenLibrary
  claims: WrittenClaims
  library: Library
  baselineDir: string
  targets: ClaimTarget[]
  /** Claims already in the library, in other articles: what each new claim is linked to. */
  linkTo: string[]
}

/**
 * What the analyst waits on when marking a claim and linking it: `createClaim` until durable
 * (with claimant, credibility, statement, tags and a note), then `createLink` from it to a
 * claim of another article, each against a durable write of just the record's JSON. The
 * articles are open (their claims listed), as they are in the reader.
 */
export default defineScenario<State>({
  name: 'save-claim',
  description:
    'Library.createClaim and createLink until durable, vs a durable write of just that record',
  async setup(context) {
    const samples = Math.max(30, Math.round(SAMPLES * context.scale)) + WARMUP
    const written = await writeLibrary(
      join(context.workDir, 'large'),
      standardLibrary(context.scale)
    )
    const claims = await writeClaims(
      written,
      {
        seed: BENCH_SEED,
        claims: Math.round(FULL_CLAIMS * context.scale),
        sources: Math.max(10, Math.round(FULL_SOURCES * context.scale)),
        linkedShare: LINKED_SHARE
      },
      context.workDir
    )
    context.log(
      `generated ${describeLibrary(written.spec)}, ${claims.claims.toLocaleString('en-US')} claims in ${Math.round(written.generateMs)} ms`
    )
    const baselineDir = join(context.workDir, 'baseline')
    await mkdir(baselineDir)
    const library = await Library.open(written.dir, 'benchmark')
    const random = new SeededRandom(BENCH_SEED ^ 0xc1a1)
    const sources = (await library.listSources()).map((source) => source.id)
    const live = written.articles.filter((article) => article.deletedAt === undefined)
    const targets = Array.from({ length: samples }, (): ClaimTarget => {
      const article = random.pick(live)
      const start = random.int(0, article.textLength - 301)
      const note = random.chance(0.5) ? '' : generateNote(random, 'latin', random.int(1, 3))
      return {
        article,
        start,
        end: start + random.int(40, 250),
        sourceId: random.pick(sources),
        note
      }
    })
    const board = await library.claimBoardRows()
    const linkTo = targets.map((target) => {
      let other = random.pick(board)
      while (other.articleId === target.article.id) other = random.pick(board)
      return other.id
    })
    // Both ends of every link are open in a pane, so their files are loaded.
    const linked = new Set(linkTo)
    const open = new Set([
      ...targets.map((target) => target.article.id),
      ...board.filter((row) => linked.has(row.id)).map((row) => row.articleId)
    ])
    for (const articleId of open) await library.listClaims(articleId)
    return { written, claims, library, baselineDir, targets, linkTo }
  },

  async measure(state) {
    const random = new SeededRandom(BENCH_SEED ^ 0x11c)
    const saved: Claim[] = []
    const claimTimes: number[] = []
    const claimBaseline: number[] = []
    for (const [i, target] of state.targets.entries()) {
      let claim: Claim | undefined
      const ours = await timeAsync(
        async () =>
          (claim = await state.library.createClaim({
            articleId: target.article.id,
            start: target.start,
            end: target.end,
            sourceId: target.sourceId,
            attribution: random.pick(ATTRIBUTIONS),
            status: random.pick(CLAIM_STATUSES),
            credibility: random.int(1, 6),
            statement: generateNote(random, 'latin', 1).slice(0, 200),
            tags: ['figures'],
            note: plainToDoc(target.note)
          }))
      )
      const bytes = JSON.stringify(claim)
      const raw = await timeAsync(() =>
        writeFileDurable(join(state.baselineDir, `claim-${i}.json`), bytes)
      )
      saved.push(claim!)
      if (i < WARMUP) continue
      claimTimes.push(ours)
      claimBaseline.push(raw)
    }

    const linkTimes: number[] = []
    const linkBaseline: number[] = []
    for (const [i, from] of saved.entries()) {
      let link: ClaimLink | undefined
      const ours = await timeAsync(
        async () =>
          (link = await state.library.createLink({
            fromClaimId: from.id,
            toClaimId: state.linkTo[i]!,
            relation: random.pick(LINK_RELATIONS)
          }))
      )
      const bytes = JSON.stringify(link)
      const raw = await timeAsync(() =>
        writeFileDurable(join(state.baselineDir, `link-${i}.json`), bytes)
      )
      if (i < WARMUP) continue
      linkTimes.push(ours)
      linkBaseline.push(raw)
    }

    const fileSizes = await Promise.all(
      state.targets.map(
        async ({ article }) =>
          (await stat(join(state.written.dir, 'annotations', `${article.id}.json`))).size
      )
    )
    // The claims index and the counts wait for a pause in the edits; closing writes them (and
    // backs up what changed).
    const flush = await timeAsync(() => state.library.close())
    const indexBytes = (await stat(join(state.written.dir, 'claims-index.json'))).size
    const workload = `${describeLibrary(state.written.spec)}, ${state.claims.claims.toLocaleString('en-US')} claims, ${state.claims.links.toLocaleString('en-US')} links`
    const fileNote = `each save rewrites the article's whole annotation file (median ${formatBytes(summarize(fileSizes).median)} here) and updates the claims index in memory`
    return [
      {
        name: 'save-claim',
        workload: `save 1 claim; ${workload}`,
        unit: 'ms',
        ours: summarize(claimTimes, { p95: true }),
        baseline: summarize(claimBaseline, { p95: true }),
        baselineLabel: "durable write of the claim's JSON",
        goal: { maxRatio: 3 },
        notes: [fileNote]
      },
      {
        name: 'create-link',
        workload: `link 2 claims of different articles; ${workload}`,
        unit: 'ms',
        ours: summarize(linkTimes, { p95: true }),
        baseline: summarize(linkBaseline, { p95: true }),
        baselineLabel: "durable write of the link's JSON",
        goal: { maxRatio: 3 },
        notes: [
          "the link is stored in the `from` claim's annotation file",
          `not in the figures: the claims index (${formatBytes(indexBytes)}) and the counts are written durably after the last change; closing, which writes them and takes the quit backup, took ${flush.toFixed(1)} ms`
        ]
      }
    ]
  },

  async teardown(state) {
    await state.library.close()
  }
})
