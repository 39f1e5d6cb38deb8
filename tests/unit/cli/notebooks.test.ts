import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import type { Notebook, NotebookMeta } from '../../../src/shared/notebook'
import type { RichDoc } from '../../../src/shared/richText'
import type { Run } from './runDossier'
import { runDossier } from './runDossier'

/** `dossier notebooks` and `dossier notebook show`, on notebooks written through the store. */

let data: string
let assessment: NotebookMeta
const dossier = (...args: string[]): Promise<Run> => runDossier(data, ...args)

const doc: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Assessment' }] },
    {
      type: 'passageQuote',
      attrs: {
        articleId: '0123456789abcdef',
        annotationId: null,
        kind: 'passage',
        start: 4,
        end: 17,
        exact: '2,400 workers',
        title: 'Port of Velmora'
      }
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'payroll: 1,100' }] }]
        }
      ]
    }
  ]
}

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'dossier-cli-notebooks-'))
  const library = await Library.open(data, 'test')
  try {
    assessment = await library.createNotebook('Assessment')
    await library.saveNotebook(assessment.id, doc)
    const old = await library.createNotebook('Old draft')
    await library.deleteNotebooks([old.id])
  } finally {
    await library.close()
  }
})
afterAll(() => rm(data, { recursive: true, force: true }))

describe('dossier notebooks', () => {
  it('lists the notebooks outside the Trash, and with --trash the others', async () => {
    const listed = await dossier('notebooks')
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toMatch(/^ID\s+WORDS\s+CHANGED\s+TITLE/)
    expect(listed.stdout).toContain(assessment.id.slice(0, 8))
    expect(listed.stdout).toContain('Assessment')
    expect(listed.stdout).not.toContain('Old draft')
    const trash = await dossier('notebooks', '--trash', '--json')
    expect((JSON.parse(trash.stdout) as NotebookMeta[]).map((n) => n.title)).toEqual(['Old draft'])
  })
})

describe('dossier notebook show', () => {
  it('prints it as Markdown, found by title, id or prefix', async () => {
    for (const name of ['Assessment', 'assessment', assessment.id, assessment.id.slice(0, 6)]) {
      const shown = await dossier('notebook', 'show', name)
      expect(shown.code, shown.stderr).toBe(0)
      expect(shown.stdout).toBe(
        '# Assessment\n\n# Assessment\n\n> 2,400 workers\\\n> — Port of Velmora\n\n- payroll: 1,100\n'
      )
    }
  })

  it('prints the stored document with --format json (or --json)', async () => {
    for (const args of [['--format', 'json'], ['--json']]) {
      const shown = await dossier('notebook', 'show', 'Assessment', ...args)
      expect(shown.code, shown.stderr).toBe(0)
      const notebook = JSON.parse(shown.stdout) as Notebook
      expect(notebook).toMatchObject({ id: assessment.id, title: 'Assessment', doc })
    }
  })

  it('names what is wrong: no such notebook, or a format it does not know', async () => {
    const missing = await dossier('notebook', 'show', 'Nope')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No notebook "Nope"')
    const format = await dossier('notebook', 'show', 'Assessment', '--format', 'html')
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('md, json')
  })
})
