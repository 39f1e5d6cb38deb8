import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NotebookBodyFile, NotebooksFile } from '../../../src/core/store/files'
import { docToPlain, plainToDoc } from '../../../src/shared/richText'
import { claimLibrary } from '../claims/claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

const quoteOf = (articleId: string) => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: 'The figures disagree:' }]
    },
    {
      type: 'passageQuote' as const,
      attrs: {
        articleId,
        kind: 'passage',
        start: 0,
        end: 4,
        exact: 'Port',
        title: 'Port strike enters third day'
      }
    }
  ]
})

describe('notebooks', () => {
  it('are created, renamed, saved and reopened, each body in a file of its own', async () => {
    const { library, wire } = env
    const notebook = await library.createNotebook('Harbour assessment')
    await library.saveNotebook(notebook.id, quoteOf(wire.id))
    await library.renameNotebook(notebook.id, 'Velmora assessment')
    const reopened = await env.reopen()
    const stored = await reopened.getNotebook(notebook.id)
    expect(stored).toMatchObject({ title: 'Velmora assessment', words: 4 })
    expect(stored.doc).toEqual(quoteOf(wire.id))
    const body = NotebookBodyFile.parse(
      JSON.parse(await readFile(join(env.dataDir, 'notebooks', `${notebook.id}.json`), 'utf8'))
    )
    expect(body.doc).toEqual(quoteOf(wire.id))
    expect(reopened.findNotebook('velmora ASSESSMENT').id).toBe(notebook.id)
  })

  it('go to the Trash and back, and are deleted for good with it, leaving a tombstone', async () => {
    const { library } = env
    const keep = await library.createNotebook('Keep')
    const drop = await library.createNotebook('Drop')
    await library.saveNotebook(drop.id, plainToDoc('draft'))
    await library.deleteNotebooks([drop.id])
    expect(library.listNotebooks().map((n) => n.id)).toEqual([keep.id])
    await expect(library.saveNotebook(drop.id, plainToDoc('more'))).rejects.toThrow(/Trash/)
    await library.restoreNotebooks([drop.id])
    expect(docToPlain((await library.getNotebook(drop.id)).doc)).toBe('draft')
    await library.deleteNotebooks([drop.id])
    expect(await library.emptyTrash()).toBe(1)
    expect(await readdir(join(env.dataDir, 'notebooks'))).toEqual([])
    const list = NotebooksFile.parse(
      JSON.parse(await readFile(join(env.dataDir, 'notebooks.json'), 'utf8'))
    )
    expect(list.notebooks.map((n) => n.id)).toEqual([keep.id])
    expect(list.tombstones).toMatchObject([{ id: drop.id, kind: 'notebook' }])
  })

  it('a save is durable in its body at once; the list’s words and time follow, or on close', async () => {
    const { library } = env
    const notebook = await library.createNotebook('Running notes')
    const listed = async () =>
      NotebooksFile.parse(JSON.parse(await readFile(join(env.dataDir, 'notebooks.json'), 'utf8')))
        .notebooks[0]!
    const saved = await library.saveNotebook(notebook.id, plainToDoc('one two three'))
    expect(saved.words).toBe(3)
    expect(library.listNotebooks()[0]).toMatchObject({ words: 3, updatedAt: saved.updatedAt })
    const body = async () =>
      NotebookBodyFile.parse(
        JSON.parse(await readFile(join(env.dataDir, 'notebooks', `${notebook.id}.json`), 'utf8'))
      ).doc
    expect(await body()).toEqual(plainToDoc('one two three'))
    await vi.waitFor(async () => expect((await listed()).words).toBe(3), { timeout: 3000 })
    await library.saveNotebook(notebook.id, plainToDoc('one two three four'))
    await library.close()
    expect((await listed()).words).toBe(4)
  })

  it('a damaged body is moved aside, restored from a backup and reported, never overwritten', async () => {
    const { library } = env
    const notebook = await library.createNotebook('Fragile')
    await library.saveNotebook(notebook.id, plainToDoc('weeks of work'))
    await env.library.close()
    const path = join(env.dataDir, 'notebooks', `${notebook.id}.json`)
    const bytes = (await readFile(path, 'utf8')).slice(0, 30)
    await writeFile(path, bytes)
    const reopened = await env.reopen()
    expect(docToPlain((await reopened.getNotebook(notebook.id)).doc)).toBe('weeks of work')
    expect(reopened.listProblems()[0]!.message).toMatch(/Fragile.*backup/)
    const aside = (await readdir(join(env.dataDir, 'notebooks'))).find((n) =>
      n.includes('.damaged-')
    )
    expect(await readFile(join(env.dataDir, 'notebooks', aside!), 'utf8')).toBe(bytes)
  })
})

describe('an article’s own notes', () => {
  it('are saved in its annotation file and survive a restart', async () => {
    const { library, wire } = env
    expect(await library.getArticleNote(wire.id)).toBeUndefined()
    const saved = await library.saveArticleNote(wire.id, plainToDoc('Check the payroll.'))
    await library.saveArticleNote(wire.id, plainToDoc('Check the payroll. Asked the port.'))
    const reopened = await env.reopen()
    const note = await reopened.getArticleNote(wire.id)
    expect(note).toMatchObject({ id: saved.id, createdAt: saved.createdAt })
    expect(docToPlain(note!.doc)).toBe('Check the payroll. Asked the port.')
  })
})
