import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/annotation'
import type { Article, ArticleMeta } from '../../../src/shared/article'
import type { ImportOutcome } from '../../../src/shared/importing'
import { plainToDoc } from '../../../src/shared/richText'
import { spawnChild } from '../store/spawnChild'
import type { Run } from './runDossier'
import { runDossier } from './runDossier'

let root: string
let data: string
let sources: string

/** Runs `node bin/dossier.js --data <data> …args` and collects what it printed. */
const dossier = (...args: string[]): Promise<Run> => runDossier(data, ...args)

const strikeText =
  'Harbour strike enters second week\n\nWorkers blocked the port on Monday. Dock workers say the port is theirs.\n'
const electionText = '# Election results delayed\n\nCounting resumed after a power cut.\n'

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
  data = join(root, 'library')
  sources = join(root, 'sources')
  await mkdir(join(sources, 'nested', 'deeper'), { recursive: true })
  await writeFile(join(sources, 'strike.txt'), strikeText)
  await writeFile(join(sources, 'nested', 'deeper', 'election.md'), electionText)
  await writeFile(join(sources, 'nested', 'binary.txt'), Buffer.from([0, 1, 2, 0, 0, 3, 0, 4]))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function articles(): Promise<ArticleMeta[]> {
  const run = await dossier('--json', 'list')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as ArticleMeta[]
}

async function idOf(title: string): Promise<string> {
  const article = (await articles()).find((a) => a.title === title)
  expect(article, `no article titled ${title}`).toBeDefined()
  return article!.id
}

describe('dossier import', () => {
  it('imports a file and a folder recursively, one line per file with the article id', async () => {
    const run = await dossier('import', join(sources, 'strike.txt'), join(sources, 'nested'))
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^imported\s+[0-9a-f]{16}\s+.*strike\.txt/)
    expect(lines[1]).toMatch(/^imported\s+[0-9a-f]{16}\s+.*election\.md/)
    // The binary file is refused: named on stderr with the reason, and the exit code says so.
    expect(run.stderr).toContain('binary.txt')
    expect(run.stdout).not.toContain('binary.txt')
    expect(run.code).toBe(1)
    const ids = lines.map((line) => line.split(/\s+/)[1])
    expect((await articles()).map((a) => a.id).sort()).toEqual(ids.sort())
  })

  it('reports a file already in the library as a duplicate, with exit 0', async () => {
    const run = await dossier('import', join(sources, 'strike.txt'))
    expect(run.stdout).toMatch(/^duplicate\s+[0-9a-f]{16}\s/)
    expect(run.code).toBe(0)
  })

  it('says under the file what the analyst should know about how it was read', async () => {
    const file = join(root, 'odd-front-matter.md')
    await writeFile(file, '---\ntitle: [unclosed\n---\nThe port stayed shut on Tuesday.\n')
    const run = await dossier('import', file)
    expect(run.code, run.stderr).toBe(0)
    const [imported, note] = run.stdout.trim().split('\n')
    expect(imported).toMatch(/^imported {3}[0-9a-f]{16} {2}.*odd-front-matter\.md/)
    expect(note).toMatch(
      /^ {11}note: The front matter is not valid YAML \(.*\); it was kept as text\.$/
    )
    const json = await dossier('--json', 'import', file)
    expect(JSON.parse(json.stdout)[0].status).toBe('duplicate')
  })

  it('names a missing path on stderr and exits 1', async () => {
    const missing = join(sources, 'no-such-file.txt')
    const run = await dossier('import', missing)
    expect(run.stderr).toContain(missing)
    expect(run.code).toBe(1)
  })

  it('--json prints the outcomes as JSON', async () => {
    const run = await dossier('--json', 'import', join(sources, 'strike.txt'))
    const outcomes = JSON.parse(run.stdout) as ImportOutcome[]
    expect(outcomes.map((o) => o.status)).toEqual(['duplicate'])
  })
})

describe('dossier list and show', () => {
  it('list prints every article with its id and title', async () => {
    const run = await dossier('list')
    expect(run.code).toBe(0)
    for (const article of await articles()) {
      expect(run.stdout).toContain(article.id)
      expect(run.stdout).toContain(article.title)
    }
    expect(run.stdout).toContain('Harbour strike enters second week')
  })

  it('show prints the text exactly, by id and by a unique id prefix', async () => {
    const id = await idOf('Harbour strike enters second week')
    const full = await dossier('show', id)
    expect(full.code).toBe(0)
    expect(full.stdout).toContain(strikeText.trimEnd())
    const byPrefix = await dossier('--json', 'show', id.slice(0, 6))
    expect(byPrefix.code).toBe(0)
    const article = JSON.parse(byPrefix.stdout) as Article & { annotations: Annotation[] }
    expect(article.id).toBe(id)
    expect(article.text).toBe(strikeText.replace(/\n+$/, '\n'))
  })

  it('show of an unknown id exits 1 and says why on stderr', async () => {
    const run = await dossier('show', 'ffffffffffff')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('ffffffffffff')
    expect(run.stdout).toBe('')
  })
})

describe('dossier annotate', () => {
  it('highlights the second occurrence with a note and a colour', async () => {
    const id = await idOf('Harbour strike enters second week')
    const run = await dossier(
      'annotate',
      id,
      '--quote',
      'the port',
      '--occurrence',
      '2',
      '--note',
      'whose port?',
      '--color',
      'blue'
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const shown = JSON.parse((await dossier('--json', 'show', id)).stdout) as Article & {
      annotations: Annotation[]
    }
    const second = shown.text.indexOf('the port', shown.text.indexOf('the port') + 1)
    expect(shown.text.indexOf('the port')).toBeGreaterThanOrEqual(0)
    expect(shown.annotations).toHaveLength(1)
    expect(shown.annotations[0]).toMatchObject({
      position: { start: second, end: second + 'the port'.length },
      quote: { exact: 'the port' },
      note: plainToDoc('whose port?'),
      color: 2
    })
    expect((await articles()).find((a) => a.id === id)?.counts.highlights).toBe(1)
  })

  it('a quote that is not in the article exits 1, says so on stderr and saves nothing', async () => {
    const id = await idOf('Harbour strike enters second week')
    const run = await dossier('annotate', id, '--quote', 'the airport')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('the airport')
    const third = await dossier('annotate', id, '--quote', 'the port', '--occurrence', '3')
    expect(third.code).toBe(1)
    expect(third.stderr).toContain('occurrence 3')
    const shown = JSON.parse((await dossier('--json', 'show', id)).stdout) as {
      annotations: Annotation[]
    }
    expect(shown.annotations).toHaveLength(1)
  })

  it('--json prints the new annotation', async () => {
    const id = await idOf('Election results delayed')
    const run = await dossier('--json', 'annotate', id, '--quote', 'power cut', '--color', '6')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ articleId: id, color: 6 })
  })
})

describe('dossier usage', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['a missing argument', ['show']],
    ['a missing --quote', ['annotate', 'abcd']],
    ['--occurrence 0', ['annotate', 'abcd', '--quote', 'x', '--occurrence', '0']],
    ['--occurrence 1.5', ['annotate', 'abcd', '--quote', 'x', '--occurrence', '1.5']],
    ['an unknown colour', ['annotate', 'abcd', '--quote', 'x', '--color', 'mauve']],
    ['an unknown option', ['list', '--everything']],
    ['import without a path', ['import']]
  ])('%s exits 2 with the reason on stderr', async (_case, args) => {
    const run = await dossier(...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/error|dossier:/)
    expect(run.stdout).toBe('')
  })

  it('--help and import --help exit 0', async () => {
    const help = await dossier('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('annotate')
    const importHelp = await dossier('import', '--help')
    expect(importHelp.code).toBe(0)
    expect(importHelp.stdout).toContain('Usage: dossier import')
  })

  it('a second process on a locked library exits 1 naming the holder', async () => {
    const holder = spawnChild('tests/unit/store/fixtures/holdLibrary.ts', data, 'desktop app')
    try {
      await holder.line(/^ready/)
      const run = await dossier('list')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('desktop app')
      expect(run.stderr).toContain(`process ${holder.process.pid}`)
      expect(run.stdout).toBe('')
    } finally {
      holder.process.stdin.end()
      await holder.exited
    }
    expect(await readdir(data)).not.toContain('dossier.lock')
  })
})
