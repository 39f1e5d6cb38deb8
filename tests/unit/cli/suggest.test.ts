import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, ArticleMeta } from '../../../src/shared/article'
import type { Claim } from '../../../src/shared/claim'
import type { SourceRecord } from '../../../src/shared/source'
import type { AcceptedSuggestions } from '../../../src/shared/suggestion'
import { repoRoot } from '../store/runTsArgs'
import type { Run } from './runDossier'
import { runDossier, storedFiles } from './runDossier'

/** `dossier suggest` (the built CLI, so the finder's worker runs from `out/main`). */

const wireFile = resolve(repoRoot, 'tests/fixtures/articles/harbor-strike-wire.txt')

interface Printed {
  start: number
  end: number
  quote: string
  claimant: string
  cue: string
  attribution: string
}

let root: string
let data: string
let wire: ArticleMeta

const dossier = (...args: string[]): Promise<Run> => runDossier(data, ...args)

async function json<T>(...args: string[]): Promise<T> {
  const run = await dossier('--json', ...args)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as T
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-suggest-'))
  data = join(root, 'library')
  const imported = await dossier('import', wireFile)
  expect(imported.code, imported.stderr).toBe(0)
  ;[wire] = await json<ArticleMeta[]>('list')
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('dossier suggest', () => {
  it('prints each suggestion on a line, and as JSON with offsets in the stored text', async () => {
    const { text } = await json<Article>('show', wire.id)
    const suggestions = await json<Printed[]>('suggest', wire.id.slice(0, 8))
    expect(suggestions.length).toBeGreaterThanOrEqual(8)
    for (const s of suggestions) {
      expect(Object.keys(s)).toEqual(['start', 'end', 'quote', 'claimant', 'cue', 'attribution'])
      expect(text.slice(s.start, s.end)).toBe(s.quote)
      expect(text).toContain(s.cue)
      expect(['named', 'anonymous', 'unattributed']).toContain(s.attribution)
    }
    expect(suggestions).toContainEqual(
      expect.objectContaining({
        quote: 'no permanent posts would be cut',
        claimant: 'Port Authority',
        cue: 'says',
        attribution: 'named'
      })
    )

    const run = await dossier('suggest', wire.id)
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(suggestions.length)
    for (const [i, s] of suggestions.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^${s.start}-${s.end}\\s+${s.attribution}\\s`))
      expect(lines[i]).toContain(s.claimant || '-')
      expect(lines[i]).toContain(`“${s.quote.slice(0, 20)}`)
    }
  })

  it('--accept makes each suggestion a claim, and then proposes none', async () => {
    const suggestions = await json<Printed[]>('suggest', wire.id)
    const accepted = await json<AcceptedSuggestions>('suggest', wire.id, '--accept')
    expect(accepted.claims.map((c) => c.quote.exact)).toEqual(suggestions.map((s) => s.quote))

    const { claims } = await json<Article & { claims: Claim[] }>('show', wire.id)
    const sources = await json<SourceRecord[]>('sources')
    const nameOf = (claim: Claim): string | undefined =>
      sources.find((source) => source.id === claim.sourceId)?.name
    const reyl = claims.find((c) => c.quote.exact.startsWith('fewer than 1,100'))!
    expect(nameOf(reyl)).toBe('Tomas Reyl')
    expect(reyl.attributionSpan?.quote.exact).toBe('said')
    expect(reyl.attribution).toBe('named')
    const talks = claims.find((c) => c.quote.exact.startsWith('the two sides'))!
    expect(nameOf(talks)).toBe('sources close to the talks')
    expect(talks.attribution).toBe('anonymous')
    expect(sources.find((s) => s.name === 'sources close to the talks')?.kind).toBe('anonymous')

    expect(await json<Printed[]>('suggest', wire.id)).toEqual([])
    const again = await dossier('suggest', wire.id)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^No suggestions in “Port of Velmora Strike/)
  })

  it('refuses an id that names no article, changing nothing', async () => {
    const before = await storedFiles(data)
    const run = await dossier('suggest', 'ffffffff', '--accept')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/No article with id ffffffff/)
    expect(await storedFiles(data)).toEqual(before)
  })
})
