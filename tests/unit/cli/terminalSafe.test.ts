import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from '../store/sampleArticle'
import { runDossier } from './runDossier'

/** Text that would hide a word, retitle the window and erase a line if it reached a terminal. */
const hostile =
  'The minister said \u001b[2K\rnothing \u001b[8mHIDDEN\u001b[0m today.\n\u009b31mC1 too\u0007'
const title = 'Headline \u001b]0;pwned\u0007 with\ta tab\nand a break, NEL \u0085 and DEL \u007f'

let root: string
let data: string
let id: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-cli-terminal-'))
  data = join(root, 'library')
  const library = await Library.open(data, 'test')
  try {
    const [added] = await library.addArticles([sampleArticle(hostile, title)])
    id = added!.article.id
  } finally {
    await library.close()
  }
}, 60_000)
afterAll(() => rm(root, { recursive: true, force: true }))

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

describe('the CLI in a terminal', () => {
  it('shows the control characters of imported text as symbols in list, show and search', async () => {
    const list = await runDossier(data, 'list')
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).not.toMatch(CONTROLS)
    // One row: the title's tab and line break are shown, not acted on.
    expect(list.stdout).toContain(
      'Headline ␛]0;pwned␇ with␉a tab␊and a break, NEL \uFFFD and DEL ␡'
    )
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(2)

    const show = await runDossier(data, 'show', id)
    expect(show.code, show.stderr).toBe(0)
    expect(show.stdout).not.toMatch(CONTROLS)
    expect(show.stdout).toContain('said ␛[2K␍nothing ␛[8mHIDDEN␛[0m today.')
    expect(show.stdout).toContain('\uFFFD31mC1 too␇')

    const search = await runDossier(data, 'search', 'minister')
    expect(search.code, search.stderr).toBe(0)
    expect(search.stdout).not.toMatch(CONTROLS)
    expect(search.stdout).toContain('␛[8mHIDDEN')
  })

  it('refuses an empty search as a usage error, saying what is missing', async () => {
    const run = await runDossier(data, 'search', ' ')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/QUERY: give at least one word to search for/)
  })

  it('keeps the text exact in --json, where JSON escapes it', async () => {
    const run = await runDossier(data, '--json', 'show', id)
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout).text).toBe(hostile)
    // The streamed list too: JSON leaves DEL and C1 characters unescaped.
    const list = await runDossier(data, '--json', 'list')
    expect(JSON.parse(list.stdout)[0].title).toBe(title)
  })
})
