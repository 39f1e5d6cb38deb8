import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/annotation'
import type { Article, ArticleMeta } from '../../../src/shared/article'
import type { Claim, ClaimBoardRow, LinkedClaim } from '../../../src/shared/claim'
import type { Notebook, NotebookMeta } from '../../../src/shared/notebook'
import type { RichDoc } from '../../../src/shared/richText'
import { Library } from '../../../src/core/store/Library'
import type { SourceRecord } from '../../../src/shared/source'
import { repoRoot } from '../store/runTsArgs'

/**
 * Runs every command of the README's "The command line" block as written, against a
 * temporary library. Only what stands for the reader's own files is replaced: the folder
 * and file they import, the article id they copy from `dossier list`, the claim ids they
 * copy from `dossier claims`, and the port. The notebook the README shows is one the reader
 * wrote in the app; the test writes it through the store before the first command.
 */

const fixtures = resolve(repoRoot, 'tests/fixtures/articles')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

let root: string
let data: string
let casesDir: string
let reportFile: string
/** The ids of the claims the README's lines made, in order: what its claim ids stand for. */
let claimsMade: string[] = []

const NOTEBOOK_TITLE = 'Harbor strike'
const notebookDoc: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Turnout' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The union’s figure rests on its ' },
        { type: 'text', text: 'own count', marks: [{ type: 'bold' }] },
        { type: 'text', text: '.' }
      ]
    }
  ]
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-readme-'))
  data = join(root, 'library')
  casesDir = join(root, 'cases', 'harbor')
  await mkdir(casesDir, { recursive: true })
  for (const name of await readdir(fixtures)) {
    if (name.endsWith('.txt')) await copyFile(join(fixtures, name), join(casesDir, name))
  }
  reportFile = join(root, 'report.txt')
  await writeFile(reportFile, 'Quarterly report\n\nThe harbour reopened on Friday.\n')
  const library = await Library.open(data, 'test')
  try {
    const notebook = await library.createNotebook(NOTEBOOK_TITLE)
    await library.saveNotebook(notebook.id, notebookDoc)
  } finally {
    await library.close()
  }
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** The shell lines of the README's CLI section, comments removed, split at `;`. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(resolve(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## The command line'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1]
  if (!block) throw new Error('README.md has no ```sh block under "The command line"')
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '')
    .flatMap((line) => line.split(';').map((command) => command.trim()))
}

/** Splits a shell command into words, honouring double and single quotes. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

function dossier(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [resolve(repoRoot, 'bin/dossier.js'), ...args], {
    cwd: root,
    env: { ...process.env, DOSSIER_DATA: data }
  })
  return collect(child)
}

async function collect(child: ChildProcess): Promise<Run> {
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout, stderr }
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

async function listed(): Promise<ArticleMeta[]> {
  const run = await dossier(['--json', 'list'])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as ArticleMeta[]
}

/** The article a README id placeholder stands for: the one the README then annotates. */
async function exampleArticle(commands: string[][]): Promise<ArticleMeta> {
  const annotate = commands.find((args) => args[0] === 'annotate')
  const quote = annotate?.[annotate.indexOf('--quote') + 1]
  for (const meta of await listed()) {
    const shown = await dossier(['--json', 'show', meta.id])
    if (!quote || (JSON.parse(shown.stdout) as Article).text.includes(quote)) return meta
  }
  throw new Error(`no fixture article contains the README's quote "${quote}"`)
}

/** The value after `flag` in a command's words. */
function flagValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag)
  return at < 0 ? undefined : args[at + 1]
}

type Shown = Article & { annotations: Annotation[]; claims: Claim[]; links: LinkedClaim[] }

async function json<T>(...args: string[]): Promise<T> {
  const run = await dossier(['--json', ...args])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as T
}

/** A few dozen CLI processes in all, on cores other tests share. */
const README_TIMEOUT_MS = 180_000

/** What each command of the README must do; a command with no check here fails the test. */
const checks: Record<string, (run: Run, args: string[]) => Promise<void>> = {
  import: async (run) => {
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^imported\s+[0-9a-f]{16}\s+.*harbor-strike-wire\.txt/m)
    expect(run.stdout).toMatch(/^imported\s+[0-9a-f]{16}\s+.*report\.txt/m)
    // The UTF-16 copy of the wire report is the same article.
    expect(run.stdout).toMatch(/^duplicate\s+[0-9a-f]{16}\s+.*harbor-strike-wire\.utf16\.txt/m)
    const titles = (await listed()).map((a) => a.title)
    expect(titles).toContain('Port of Velmora Strike Enters Third Day as Talks Stall')
    expect(titles).toContain('Quarterly report')
  },
  list: async (run) => {
    expect(run.code, run.stderr).toBe(0)
    for (const article of await listed()) {
      expect(run.stdout).toContain(article.id)
      expect(run.stdout).toContain(article.title)
    }
  },
  show: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const article = await json<Shown>('show', args[1]!)
    expect(article.id.startsWith(args[1]!)).toBe(true)
    expect(run.stdout).toContain(article.title)
    expect(run.stdout).toContain(article.text.trimEnd())
  },
  annotate: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const { annotations, claims, text } = await json<Shown>('show', args[1]!)
    const quote = flagValue(args, '--quote')!
    if (args.includes('--claim')) {
      const claim = claims.find((c) => c.quote.exact === quote)
      expect(claim, `no stored claim on "${quote}"`).toBeDefined()
      expect(text.slice(claim!.position.start, claim!.position.end)).toBe(quote)
      expect(run.stdout).toContain(claim!.id)
      const source = (await json<SourceRecord[]>('sources')).find((s) => s.id === claim!.sourceId)
      expect(source?.name).toBe(flagValue(args, '--claimant'))
      const reliability = flagValue(args, '--reliability')
      if (reliability) expect(source?.reliability).toBe(reliability)
      const credibility = flagValue(args, '--credibility')
      if (credibility) expect(claim!.credibility).toBe(Number(credibility))
      expect(claim!.status).toBe(flagValue(args, '--status') ?? 'unreviewed')
      claimsMade.push(claim!.id)
      return
    }
    const stored = annotations.find((a) => a.quote.exact === quote)
    expect(stored, `no stored annotation on "${quote}"`).toBeDefined()
    expect(text.slice(stored!.position.start, stored!.position.end)).toBe(quote)
    expect(JSON.stringify(stored!.note)).toContain(flagValue(args, '--note'))
    expect(stored!.color).toBe(4)
  },
  claims: async (run) => {
    expect(run.code, run.stderr).toBe(0)
    const rows = await json<ClaimBoardRow[]>('claims')
    expect(rows.map((row) => row.id).sort()).toEqual([...claimsMade].sort())
    for (const row of rows) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(row.id.slice(0, 8)))
      expect(line, `no line for claim ${row.id}`).toContain(`“${row.exact}”`)
      expect(line).toContain(row.status)
      expect(line).toContain(row.articleTitle)
    }
  },
  search: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    interface Hit {
      articleId: string | null
      kind: string
      start: number | null
      end: number | null
      snippet: string
      marks: { start: number; end: number }[]
    }
    const hits = await json<Hit[]>(...args)
    const kinds = args.filter((_, i) => args[i - 1] === '--kind')
    const phrase = args[1]!.replaceAll('"', '')
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(kinds).toContain(hit.kind)
      const { text } = await json<Shown>('show', hit.articleId!)
      expect(text.slice(hit.start!, hit.end!)).toContain(phrase)
      const marked = hit.marks.map((mark) => hit.snippet.slice(mark.start, mark.end)).join(' ')
      expect(marked).toMatch(/2,400.*workers/)
      expect(run.stdout).toContain(`${hit.articleId}  ${hit.kind}`)
    }
  },
  link: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const rows = await json<ClaimBoardRow[]>('claims')
    const [from, to] = [args[1]!, args[2]!].map((prefix) =>
      rows.find((row) => row.id.startsWith(prefix))
    )
    const { links } = await json<Shown>('show', from!.articleId)
    expect(
      links.some(
        ({ link }) =>
          link.fromClaimId === from!.id &&
          link.toClaimId === to!.id &&
          link.relation === flagValue(args, '--relation')
      ),
      'the link is not stored'
    ).toBe(true)
  },
  sources: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const sources = await json<SourceRecord[]>('sources')
    if (args[1] === 'grade') {
      const source = sources.find((s) => s.name === args[2])
      expect(source?.reliability).toBe(args[3])
      expect(source?.gradeHistory.at(-1)?.reason).toBe(flagValue(args, '--reason'))
      return
    }
    expect(sources.length).toBeGreaterThan(0)
    for (const source of sources) expect(run.stdout).toContain(source.name)
  },
  notebooks: async (run) => {
    expect(run.code, run.stderr).toBe(0)
    const notebooks = await json<NotebookMeta[]>('notebooks')
    expect(notebooks.map((n) => n.title)).toEqual([NOTEBOOK_TITLE])
    const line = run.stdout.split('\n').find((l) => l.startsWith(notebooks[0]!.id.slice(0, 8)))
    expect(line).toContain(NOTEBOOK_TITLE)
    expect(line).toContain(String(notebooks[0]!.words))
  },
  notebook: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    expect(args[1]).toBe('show')
    if (flagValue(args, '--format') === 'json') {
      expect((JSON.parse(run.stdout) as Notebook).doc).toEqual(notebookDoc)
      return
    }
    expect(run.stdout).toBe(
      `# ${NOTEBOOK_TITLE}\n\n## Turnout\n\nThe union’s figure rests on its **own count**.\n`
    )
    const stored = await json<Notebook>('notebook', 'show', args[2]!, '--format', 'json')
    expect(stored.doc).toEqual(notebookDoc)
  },
  suggest: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const { text } = await json<Shown>('show', args[1]!)
    const suggestions = await json<
      { start: number; end: number; quote: string; attribution: string }[]
    >('suggest', args[1]!)
    expect(suggestions.length).toBeGreaterThan(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(suggestions.length)
    for (const [i, s] of suggestions.entries()) {
      expect(text.slice(s.start, s.end)).toBe(s.quote)
      expect(lines[i]).toMatch(new RegExp(`^${s.start}-${s.end}\\s+${s.attribution}\\s`))
    }
  },
  export: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    const out = join(root, flagValue(args, '--out')!)
    expect(run.stdout).toContain(`exported  ${out}`)
    const content = await readFile(out, 'utf8')
    const format = flagValue(args, '--format')
    if (format === 'md') {
      expect(content.startsWith('---\n')).toBe(true)
      for (const article of await listed()) expect(content).toContain(`# ${article.title}`)
    } else if (format === 'csv') {
      expect(content.startsWith('\uFEFFarticle id,article title,kind,quote,')).toBe(
        args.includes('--excel')
      )
      const example = await json<Shown>('show', flagValue(args, '--article')!)
      const rows = content.trimEnd().split('\r\n').slice(1)
      expect(rows.length).toBe(example.annotations.length + example.claims.length)
    } else if (format === 'html') {
      expect(content).toMatch(/^<!doctype html>/)
      expect(content).not.toContain('<script')
      const disputed = (await json<ClaimBoardRow[]>('claims')).filter(
        (c) => c.status === 'disputed'
      )
      expect(disputed.length).toBeGreaterThan(0)
      for (const claim of disputed) expect(content).toContain(claim.exact)
    } else {
      const backup = JSON.parse(content) as { kind: string; articles: unknown[] }
      expect(backup.kind).toBe('dossier-backup')
      expect(backup.articles.length).toBe((await listed()).length)
    }
  },
  restore: async (run, args) => {
    expect(run.code, run.stderr).toBe(0)
    expect(args).toContain('--merge')
    expect(run.stdout).toMatch(/^restored {2}backup\.json \(format \d+\) merged into /)
    // Merging the library's own backup adds nothing: no duplicates.
    expect(run.stdout).toMatch(/^added {5}0 articles, 0 highlights, 0 claims/m)
  },
  '--help': async (run) => {
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: dossier')
  }
}

describe('the README’s command-line examples', () => {
  it(
    'each runs as written and does what the README says',
    async () => {
      const commands = (await readmeCommands()).map((command) => {
        const [npx, name, ...args] = words(command)
        expect(`${npx} ${name}`, `README line "${command}"`).toBe('npx dossier')
        return args
      })
      let example: ArticleMeta | undefined
      claimsMade = []
      /** Each claim id of the README, by first use, stands for the claim made n-th. */
      const claimIds = new Map<string, number>()
      for (const written of commands) {
        const name = written.find((word) => !word.startsWith('--')) ?? written[0]!
        const args = await Promise.all(
          written.map(async (word, i) => {
            if (word === '~/cases/harbor/') return `${casesDir}/`
            if (word === 'report.txt') return reportFile
            if (name === 'link' && (i === 1 || i === 2)) {
              if (!claimIds.has(word)) claimIds.set(word, claimIds.size)
              const made = claimsMade[claimIds.get(word)!]
              expect(made, `README links ${word} before making that many claims`).toBeDefined()
              return made!.slice(0, 8)
            }
            if (/^[0-9a-f]{8}$/.test(word)) {
              example ??= await exampleArticle(commands)
              return example.id.slice(0, 8)
            }
            return word
          })
        )
        if (args.includes('--help')) {
          await checks['--help']!(await dossier(args), args)
          continue
        }
        if (name === 'web') {
          const at = args.indexOf('--port')
          if (at >= 0) args[at + 1] = String(await freePort())
          await checkWeb(args)
          continue
        }
        const check = checks[name]
        expect(
          check,
          `README shows "dossier ${name}" but this test has no check for it`
        ).toBeDefined()
        await check!(await dossier(args), args)
      }
    },
    README_TIMEOUT_MS
  )

  it('every command has --help that exits 0 and names it', async () => {
    const help = await dossier(['--help'])
    expect(help.code).toBe(0)
    const commandList = help.stdout.slice(help.stdout.indexOf('Commands:'))
    const names = [...commandList.matchAll(/^ {2}([a-z-]+)\b/gm)]
      .map((m) => m[1]!)
      .filter((name) => name !== 'help')
    expect(names).toEqual(
      expect.arrayContaining([
        'import',
        'list',
        'show',
        'annotate',
        'link',
        'claims',
        'search',
        'sources',
        'notebooks',
        'notebook',
        'suggest',
        'export',
        'restore',
        'web'
      ])
    )
    for (const name of names) {
      const run = await dossier([name, '--help'])
      expect(run.code, name).toBe(0)
      expect(run.stdout).toContain(`Usage: dossier ${name}`)
    }
  })
})

/** Starts `dossier web` as written, loads the page it prints, and stops it with SIGTERM. */
async function checkWeb(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [resolve(repoRoot, 'bin/dossier.js'), ...args], {
    cwd: root,
    env: { ...process.env, DOSSIER_DATA: data },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const done = collect(child)
  try {
    let printed = ''
    for await (const chunk of child.stdout) {
      printed += String(chunk)
      if (/Open http\S+/.test(printed)) break
    }
    const url = /Open (http\S+)/.exec(printed)?.[1]
    expect(url, printed).toBeDefined()
    expect(url).toContain(`:${args[args.indexOf('--port') + 1]}/`)
    const page = await fetch(url!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
  } finally {
    child.kill('SIGTERM')
  }
  expect((await done).code).toBe(0)
}
