import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, ArticleMeta } from '../../../src/shared/article'
import type { Claim, ClaimBoardRow, ClaimLink, LinkedClaim } from '../../../src/shared/claim'
import type { Source, SourceRecord } from '../../../src/shared/source'
import { repoRoot } from '../store/runTsArgs'
import type { Run } from './runDossier'
import { runDossier, storedFiles } from './runDossier'

/** `dossier annotate --claim`, `link`, `claims`, `sources` and `show`, on a temp library. */

const fixtures = resolve(repoRoot, 'tests/fixtures/articles')
const WIRE = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const OPINION = 'The Velmora Strike Is Not Really About Cranes'

let root: string
let data: string
let wire: ArticleMeta
let opinion: ArticleMeta

const dossier = (...args: string[]): Promise<Run> => runDossier(data, ...args)

async function json<T>(...args: string[]): Promise<T> {
  const run = await dossier('--json', ...args)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as T
}

type Shown = Article & { claims: Claim[]; links: LinkedClaim[] }

const claims = (): Promise<(ClaimBoardRow & { grade: string })[]> => json('claims')
const sources = (): Promise<SourceRecord[]> => json('sources')
const source = async (name: string): Promise<SourceRecord | undefined> =>
  (await sources()).find((s) => s.name === name)

/** Creates a claim through the CLI with `--json` and returns what it printed. */
async function claim(articleId: string, quote: string, ...flags: string[]): Promise<Claim> {
  const run = await dossier('annotate', articleId, '--quote', quote, '--claim', ...flags, '--json')
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as Claim
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-claims-'))
  data = join(root, 'library')
  const imported = await dossier(
    'import',
    join(fixtures, 'harbor-strike-wire.txt'),
    join(fixtures, 'harbor-strike-opinion.txt')
  )
  expect(imported.code, imported.stderr).toBe(0)
  const articles = await json<ArticleMeta[]>('list')
  wire = articles.find((a) => a.title === WIRE)!
  opinion = articles.find((a) => a.title === OPINION)!
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('dossier annotate --claim', () => {
  let marrow: Claim

  it('stores a claim with every field and prints it with its id', async () => {
    marrow = await claim(
      wire.id.slice(0, 8),
      'roughly 2,400 workers',
      '--claimant',
      'Ilse Marrow',
      '--reliability',
      'B',
      '--credibility',
      '3',
      '--status',
      'checking',
      '--attribution',
      'named',
      '--statement',
      'About 2,400 workers are on strike',
      '--tag',
      'figures',
      '--tag',
      'turnout',
      '--note',
      'the union’s own count'
    )
    expect(marrow.id).toMatch(/^[0-9a-f-]{36}$/)
    const shown = await json<Shown>('show', wire.id)
    expect(shown.claims).toEqual([marrow])
    const [stored] = shown.claims
    expect(stored).toMatchObject({
      articleId: wire.id,
      quote: { exact: 'roughly 2,400 workers' },
      status: 'checking',
      attribution: 'named',
      credibility: 3,
      statement: 'About 2,400 workers are on strike',
      tags: ['figures', 'turnout']
    })
    expect(JSON.stringify(stored!.note)).toContain('the union’s own count')
    expect(shown.text.slice(stored!.position.start, stored!.position.end)).toBe(
      'roughly 2,400 workers'
    )
    // The claimant was added to the registry and graded there, with the default reason.
    const added = await source('Ilse Marrow')
    expect(added).toMatchObject({ id: stored!.sourceId, kind: 'person', reliability: 'B' })
    expect(added!.gradeHistory.map((g) => [g.to, g.reason])).toEqual([
      ['B', 'set from the command line']
    ])
    expect((await json<ArticleMeta[]>('list')).find((a) => a.id === wire.id)?.counts).toEqual({
      highlights: 0,
      claims: 1
    })
  })

  it('prints one line with the id, grade, status, quote and claimant without --json', async () => {
    const run = await dossier(
      'annotate',
      wire.id,
      '--quote',
      'fewer than 1,100 employees',
      '--claim',
      '--claimant',
      'Tomas Reyl',
      '--status',
      'disputed'
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      /^claimed\s+[0-9a-f-]{36}\s+\[\d+–\d+\] \?\? disputed “fewer than 1,100 employees” — Tomas Reyl\n$/
    )
  })

  it('reuses the registry source matched by name or alias, case aside', async () => {
    const again = await claim(
      wire.id,
      'counted everyone who had walked out',
      '--claimant',
      'ilse MARROW',
      '--reliability',
      'B'
    )
    expect(again.sourceId).toBe(marrow.sourceId)
    // The same grade again is not a change: the history keeps one entry.
    const marrowSource = await source('Ilse Marrow')
    expect(marrowSource!.gradeHistory).toHaveLength(1)
    expect(marrowSource!.claims).toBe(2)
  })

  it('adds a new claimant of --claimant-kind, regrading with --reason', async () => {
    const payroll = await claim(
      opinion.id,
      'only about 900 workers',
      '--claimant',
      'payroll records',
      '--claimant-kind',
      'document',
      '--attribution',
      'author',
      '--reliability',
      'c',
      '--reason',
      'seen by the newspaper only'
    )
    const registered = await source('payroll records')
    expect(registered).toMatchObject({ id: payroll.sourceId, kind: 'document', reliability: 'C' })
    expect(registered!.gradeHistory.map((g) => g.reason)).toEqual(['seen by the newspaper only'])
    expect(payroll.attribution).toBe('author')
  })

  it('without --claim still highlights, with --note', async () => {
    const run = await dossier('annotate', wire.id, '--quote', 'north gate', '--note', 'where')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^annotated\s/)
    const shown = await json<Shown>('show', wire.id)
    expect(shown.claims.map((c) => c.quote.exact)).not.toContain('north gate')
  })
})

describe('dossier link', () => {
  it('links two claims by unique id prefixes; show lists the link at both ends', async () => {
    const rows = await claims()
    const from = rows.find((r) => r.exact === 'roughly 2,400 workers')!
    const to = rows.find((r) => r.exact === 'only about 900 workers')!
    const link = await json<ClaimLink>(
      'link',
      from.id.slice(0, 6),
      to.id.slice(0, 6),
      '--relation',
      'contradicts'
    )
    expect(link).toMatchObject({
      fromClaimId: from.id,
      toClaimId: to.id,
      fromArticleId: wire.id,
      toArticleId: opinion.id,
      relation: 'contradicts'
    })
    const fromShown = await json<Shown>('show', wire.id)
    expect(fromShown.links.map((l) => [l.link.id, l.outgoing, l.other.id])).toEqual([
      [link.id, true, to.id]
    ])
    const toShown = await json<Shown>('show', opinion.id)
    expect(toShown.links.map((l) => [l.link.id, l.outgoing, l.other.id])).toEqual([
      [link.id, false, from.id]
    ])
    const text = (await dossier('show', opinion.id)).stdout
    expect(text).toMatch(/^1 claim$/m)
    expect(text).toContain(`“roughly 2,400 workers” in “${WIRE}” contradicts this`)
    expect((await dossier('show', wire.id)).stdout).toContain(
      `contradicts “only about 900 workers” in “${OPINION}”`
    )
  })

  it('prints the link on one line without --json', async () => {
    const rows = await claims()
    const reyl = rows.find((r) => r.exact === 'fewer than 1,100 employees')!
    const payroll = rows.find((r) => r.exact === 'only about 900 workers')!
    const run = await dossier('link', payroll.id, reyl.id, '--relation', 'supports')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      /^linked\s+[0-9a-f-]{36}\s+“only about 900 workers” supports “fewer than 1,100 employees”/
    )
  })
})

describe('dossier claims', () => {
  it('prints one line per claim: id, grade, status, claimant, quote, article', async () => {
    const rows = await claims()
    expect(rows).toHaveLength(4)
    const run = await dossier('claims')
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+GRADE\s+STATUS\s+CLAIMANT\s+QUOTE\s+ARTICLE$/)
    expect(lines).toHaveLength(rows.length + 1)
    const marrow = rows.find((r) => r.exact === 'roughly 2,400 workers')!
    const line = lines.find((l) => l.startsWith(marrow.id.slice(0, 8)))
    expect(line).toMatch(
      new RegExp(
        `^${marrow.id.slice(0, 8)}\\s+B3\\s+checking\\s+Ilse Marrow\\s+“roughly 2,400 workers”\\s+${WIRE}$`
      )
    )
    expect(marrow).toMatchObject({ grade: 'B3', links: 1, sourceName: 'Ilse Marrow' })
  })

  it('filters by --status and by --source (name or alias)', async () => {
    const disputed = await json<ClaimBoardRow[]>('claims', '--status', 'disputed')
    expect(disputed.map((r) => r.exact)).toEqual(['fewer than 1,100 employees'])
    const byMarrow = await json<ClaimBoardRow[]>('claims', '--source', 'ILSE marrow')
    expect(byMarrow.map((r) => r.exact).sort()).toEqual([
      'counted everyone who had walked out',
      'roughly 2,400 workers'
    ])
    const none = await dossier('claims', '--status', 'refuted')
    expect(none.stdout).toBe('No claims match.\n')
  })
})

describe('dossier sources', () => {
  it('lists each source with its kind, reliability and track record', async () => {
    const run = await dossier('sources')
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+RELIABILITY\s+CLAIMS\s+SUPPORTED\s+DISPUTED\s+REFUTED/)
    expect(lines.find((l) => l.startsWith('Ilse Marrow'))).toMatch(
      /^Ilse Marrow\s+person\s+B\s+2\s+0\s+0\s+0/
    )
    expect(lines.find((l) => l.startsWith('Tomas Reyl'))).toMatch(
      /^Tomas Reyl\s+person\s+-\s+1\s+0\s+1\s+0/
    )
  })

  it('grade NAME A-F --reason regrades a source and keeps the reason', async () => {
    const run = await dossier('sources', 'grade', 'tomas reyl', 'D', '--reason', 'no records shown')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('graded     Tomas Reyl  - → D  (no records shown)\n')
    const reyl = await source('Tomas Reyl')
    expect(reyl!.reliability).toBe('D')
    expect(reyl!.gradeHistory.map((g) => [g.from, g.to, g.reason])).toEqual([
      [undefined, 'D', 'no records shown']
    ])
    const graded = await json<Source>(
      'sources',
      'grade',
      'Tomas Reyl',
      'e',
      '--reason',
      'contradicted'
    )
    expect(graded.reliability).toBe('E')
  })
})

describe('bad input gives an error naming the field and stores nothing', () => {
  const long = 'x'.repeat(1001)
  const cases: [string, number, string, () => string[]][] = [
    ['a credibility out of range', 2, '--credibility', () => annotate('--credibility', '7')],
    ['a fractional credibility', 2, '--credibility', () => annotate('--credibility', '2.5')],
    ['a reliability out of range', 2, '--reliability', () => annotate('--reliability', 'G')],
    ['an unknown status', 2, '--status', () => annotate('--status', 'maybe')],
    ['an unknown attribution', 2, '--attribution', () => annotate('--attribution', 'rumour')],
    ['an unknown claimant kind', 2, '--claimant-kind', () => annotate('--claimant-kind', 'x')],
    ['a claim flag without --claim', 2, '--status', () => highlight('--status', 'checking')],
    ['a colour for a claim', 2, '--color', () => annotate('--color', 'red')],
    ['a grade without a claimant', 2, '--reliability', () => claimOnly('--reliability', 'B')],
    ['a reason without a grade', 2, '--reason', () => annotate('--reason', 'because')],
    ['an empty claimant', 2, '--claimant', () => claimOnly('--claimant', ' ')],
    ['an empty tag', 2, '--tag', () => annotate('--tag', ' ')],
    ['a statement too long', 2, '--statement', () => annotate('--statement', long)],
    [
      'an empty reason for a new grade',
      2,
      '--reason',
      () => annotate('--reliability', 'A', '--reason', ' ')
    ],
    ['a quote of white space', 2, '--quote', () => quoted(' ')],
    ['a quote not in the text', 1, '--quote', () => quoted('the airport')],
    ['an unknown article', 1, 'ffffffffff', () => ['annotate', 'ffffffffff', '--quote', 'x']],
    ['an unknown relation', 2, '--relation', () => link('first', 'second', 'refutes')],
    ['a link without a relation', 2, '--relation', () => ['link', ids[0]!, ids[1]!]],
    ['a link to itself', 2, 'TO', () => link('first', 'first', 'supports')],
    ['a link to a missing claim', 1, 'TO', () => link('first', 'ffffffff', 'supports')],
    ['a link from a missing claim', 1, 'FROM', () => link('ffffffff', 'first', 'supports')],
    ['a claim prefix too short', 1, 'FROM', () => link(ids[0]!.slice(0, 3), 'second', 'supports')],
    ['a link made twice', 2, '--relation', () => link('first', 'second', 'contradicts')],
    ['grading an unknown source', 1, 'NAME', () => grade('Nobody', 'B', 'why')],
    ['a grade out of range', 2, 'grade', () => grade('Ilse Marrow', 'H', 'why')],
    ['a grade without a reason', 2, '--reason', () => ['sources', 'grade', 'Ilse Marrow', 'B']],
    ['a grade with an empty reason', 2, '--reason', () => grade('Ilse Marrow', 'B', ' ')],
    ['claims of an unknown source', 1, '--source', () => ['claims', '--source', 'Nobody']],
    ['claims of an unknown status', 2, '--status', () => ['claims', '--status', 'maybe']]
  ]
  /** The two linked claims' ids, set before the cases run. */
  let ids: string[] = []

  function annotate(...flags: string[]): string[] {
    return claimOnly('--claimant', 'Someone New', ...flags)
  }
  function claimOnly(...flags: string[]): string[] {
    return ['annotate', wire.id, '--quote', 'third straight day', '--claim', ...flags]
  }
  function highlight(...flags: string[]): string[] {
    return ['annotate', wire.id, '--quote', 'third straight day', ...flags]
  }
  function quoted(quote: string): string[] {
    return ['annotate', wire.id, '--quote', quote, '--claim', '--claimant', 'Someone New']
  }
  function link(from: string, to: string, relation: string): string[] {
    const id = (which: string): string =>
      which === 'first' ? ids[0]! : which === 'second' ? ids[1]! : which
    return ['link', id(from), id(to), '--relation', relation]
  }
  function grade(name: string, to: string, reason: string): string[] {
    return ['sources', 'grade', name, to, '--reason', reason]
  }

  beforeAll(async () => {
    const rows = await claims()
    ids = ['roughly 2,400 workers', 'only about 900 workers'].map(
      (quote) => rows.find((r) => r.exact === quote)!.id
    )
  })

  it.each(cases)('%s exits %i naming %s', async (_case, code, field, args) => {
    const before = await storedFiles(data)
    const run = await dossier(...args())
    expect(run.code, run.stderr).toBe(code)
    expect(run.stderr).toContain(field)
    expect(run.stdout).toBe('')
    expect(await storedFiles(data)).toEqual(before)
  })
})

describe('bad input', () => {
  it('a link to itself, to a missing claim, or an unknown source changes nothing stored', async () => {
    const [first, second] = (await claims()).map((row) => row.id)
    const before = await storedFiles(data)
    const cases: [string[], RegExp][] = [
      [['link', first!, first!, '--relation', 'supports'], /itself/],
      [['link', first!, 'ffffffffff', '--relation', 'supports'], /ffffffffff/],
      [['link', first!, second!, '--relation', 'refutes'], /--relation/],
      [['claims', '--source', 'Nobody at all'], /Nobody at all/],
      [['sources', 'grade', 'Nobody at all', 'B', '--reason', 'r'], /Nobody at all/],
      [
        ['annotate', wire.id, '--quote', 'roughly 2,400 workers', '--claim', '--credibility', '7'],
        /--credibility/
      ]
    ]
    for (const [args, field] of cases) {
      const run = await dossier(...args)
      expect(run.code, args.join(' ')).not.toBe(0)
      expect(run.stderr, args.join(' ')).toMatch(field)
    }
    expect(await storedFiles(data)).toEqual(before)
  })
})

describe('--help', () => {
  it.each(['annotate', 'link', 'claims', 'sources', 'sources grade'])(
    'dossier %s --help names its flags',
    async (name) => {
      const command = name.split(' ')
      const run = await dossier(...command, '--help')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Usage: dossier ${command.join(' ')}`)
      const flags: Record<string, string[]> = {
        annotate: ['--claim', '--claimant', '--claimant-kind', '--reliability', '--credibility'],
        link: ['--relation', 'contradicts', 'derives-from'],
        claims: ['--status', '--source'],
        sources: ['grade'],
        grade: ['--reason', 'A (completely reliable)']
      }
      for (const flag of flags[command.at(-1)!]!) expect(run.stdout).toContain(flag)
    }
  )
})
