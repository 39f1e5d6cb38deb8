import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Notebook, NotebookMeta } from '../../shared/notebook'
import { DossierError } from '../../shared/result'
import type { RichDoc } from '../../shared/richText'
import { EMPTY_DOC } from '../../shared/richText'
import { NotebookWords } from './NotebookWords'
import { commitChange, restoreFields } from './commitChange'
import { DeferredWrite } from './DeferredWrite'
import { DurableJsonFile } from './DurableJsonFile'
import type { NotebookBodyFile, NotebooksFile, Tombstone } from './files'
import type { NotebookRecords } from './LibraryRecords'
import { NotebookRecords as NotebookRecordsSchema } from './LibraryRecords'
import {
  FORMAT_VERSION,
  NotebookBodyFile as NotebookBodySchema,
  NotebooksFile as NotebooksSchema
} from './files'
import { noMigrations } from './migrations'
import { makeOwnerOnlyFolder } from './ownerOnly'
import type { RecoveryHost } from './readRecovering'
import { readRecovering } from './readRecovering'
import { formatCount } from '../../shared/formatCount'

/** How long the list waits after a save for more before it is written (the words, the time). */
const LIST_FLUSH_DELAY_MS = 500

/** What the store needs of its library: the queue deferred writes run in, and its notices. */
export interface NotebookStoreHost {
  exclusive<T>(operation: () => Promise<T>): Promise<T>
  notices: string[]
}

/**
 * Notebooks: the analyst's write-ups. `notebooks.json` lists them; each body is its own
 * file (`notebooks/<id>.json`), loaded when opened, so saving a long notebook rewrites it
 * and the small list only. Deleting moves a notebook to the Trash, as articles go.
 */
export class NotebookStore {
  readonly #dir: string
  readonly #list: Low<NotebooksFile>
  readonly #bodies = new Map<string, Promise<Low<NotebookBodyFile>>>()
  /** Each save counts again only the blocks it changed. */
  readonly #words = new NotebookWords()
  readonly #recovery: RecoveryHost

  /** A save's words and time for the list: derived data, written once a burst of saves ends. */
  readonly #listFlush: DeferredWrite
  #listDirty = false

  private constructor(
    dataDir: string,
    list: Low<NotebooksFile>,
    recovery: RecoveryHost,
    host: NotebookStoreHost
  ) {
    this.#dir = join(dataDir, 'notebooks')
    this.#list = list
    this.#recovery = recovery
    this.#listFlush = new DeferredWrite(
      LIST_FLUSH_DELAY_MS,
      () => host.exclusive(() => this.#writeList()),
      (error) => host.notices.push(`Could not save the list of notebooks: ${String(error)}`)
    )
  }

  static async open(
    dataDir: string,
    recovery: RecoveryHost,
    host: NotebookStoreHost
  ): Promise<NotebookStore> {
    const adapter = new DurableJsonFile(
      join(dataDir, 'notebooks.json'),
      NotebooksSchema,
      noMigrations
    )
    const list = new Low<NotebooksFile>(adapter, {
      format: FORMAT_VERSION,
      notebooks: [],
      tombstones: []
    })
    await readRecovering(list, recovery, { what: 'the list of notebooks' })
    return new NotebookStore(dataDir, list, recovery, host)
  }

  list({ trash = false }: { trash?: boolean } = {}): NotebookMeta[] {
    return this.#list.data.notebooks
      .filter((notebook) => (notebook.deletedAt !== undefined) === trash)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
  }

  /** A notebook by id, or by a title or id prefix as typed on the command line. */
  find(idOrTitle: string): NotebookMeta {
    const all = this.#list.data.notebooks
    const exact = all.find((n) => n.id === idOrTitle)
    if (exact) return exact
    const key = idOrTitle.trim().toLowerCase()
    const named = all.filter((n) => n.title.toLowerCase() === key && n.deletedAt === undefined)
    const matches =
      named.length > 0
        ? named
        : idOrTitle.length >= 4
          ? all.filter((n) => n.id.startsWith(idOrTitle))
          : []
    if (matches.length === 1) return matches[0]!
    if (matches.length > 1)
      throw new DossierError(
        'invalid_input',
        `Notebook "${idOrTitle}" is ambiguous: ${formatCount(matches.length, 'notebook')} match; use its id.`
      )
    throw new DossierError('not_found', `No notebook "${idOrTitle}".`)
  }

  async create(title: string, id?: string): Promise<NotebookMeta> {
    if (id && this.#list.data.notebooks.some((n) => n.id === id))
      throw new DossierError('invalid_input', `id: notebook ${id} already exists.`)
    const now = new Date().toISOString()
    const notebook: NotebookMeta = {
      id: id ?? randomUUID(),
      title,
      words: 0,
      createdAt: now,
      updatedAt: now
    }
    this.#list.data.notebooks.push(notebook)
    await commitChange(this.#list, () => {
      this.#list.data.notebooks = this.#list.data.notebooks.filter((n) => n !== notebook)
    })
    return notebook
  }

  async rename(id: string, title: string): Promise<NotebookMeta> {
    const notebook = this.find(id)
    const before = { ...notebook }
    notebook.title = title
    notebook.updatedAt = new Date().toISOString()
    await commitChange(this.#list, () => restoreFields(notebook, before))
    return notebook
  }

  async get(id: string): Promise<Notebook> {
    const notebook = this.find(id)
    const body = await this.#body(notebook)
    return { ...notebook, doc: body.data.doc }
  }

  /** Saves a notebook's body, then its entry in the list (words, time). */
  async save(id: string, doc: RichDoc): Promise<NotebookMeta> {
    const notebook = this.find(id)
    if (notebook.deletedAt !== undefined)
      throw new DossierError(
        'refused',
        `"${notebook.title}" is in the Trash; restore it to edit it.`
      )
    const body = await this.#body(notebook)
    const previous = body.data.doc
    body.data.doc = doc
    await commitChange(body, () => (body.data.doc = previous))
    // The body is the notebook; the list's words and time are derived from it, written
    // with the next change of the list or half a second after the last save.
    notebook.words = this.#words.count(doc, previous)
    notebook.updatedAt = new Date().toISOString()
    this.#listDirty = true
    this.#listFlush.schedule()
    return { ...notebook }
  }

  async trash(ids: string[]): Promise<void> {
    const notebooks = ids.map((id) => this.find(id)).filter((n) => n.deletedAt === undefined)
    const now = new Date().toISOString()
    for (const notebook of notebooks) notebook.deletedAt = now
    await commitChange(this.#list, () => notebooks.forEach((n) => delete n.deletedAt))
  }

  async restore(ids: string[]): Promise<void> {
    const notebooks = ids.map((id) => this.find(id)).filter((n) => n.deletedAt !== undefined)
    const when = notebooks.map((n) => n.deletedAt)
    for (const notebook of notebooks) delete notebook.deletedAt
    await commitChange(this.#list, () => notebooks.forEach((n, i) => (n.deletedAt = when[i])))
  }

  /** Deletes trashed notebooks for good, leaving tombstones. */
  async emptyTrash(): Promise<number> {
    const trashed = this.list({ trash: true })
    if (trashed.length === 0) return 0
    const before = this.#list.data
    const gone = new Set(trashed.map((n) => n.id))
    const now = new Date().toISOString()
    this.#list.data = {
      ...before,
      notebooks: before.notebooks.filter((n) => !gone.has(n.id)),
      tombstones: [
        ...before.tombstones,
        ...trashed.map((n) => ({ id: n.id, kind: 'notebook' as const, deletedAt: now }))
      ]
    }
    await commitChange(this.#list, () => (this.#list.data = before))
    for (const id of gone) {
      this.#bodies.delete(id)
      await rm(this.#bodyPath(id), { force: true })
    }
    return trashed.length
  }

  /** Every notebook, the Trash's included, in stored order. */
  all(): readonly NotebookMeta[] {
    return this.#list.data.notebooks
  }

  /** Notebooks deleted for good. */
  tombstones(): readonly Tombstone[] {
    return this.#list.data.tombstones
  }

  /** A copy of a notebook's entry and body, in the schemas' field order. */
  async copyOf(id: string): Promise<NotebookRecords> {
    const notebook = this.find(id)
    const body = await this.#body(notebook)
    return NotebookRecordsSchema.parse({ ...notebook, doc: body.data.doc })
  }

  /**
   * Writes restored notebooks (bodies first, then the list, once) and the tombstones of
   * notebooks deleted for good that came with them.
   */
  async putRestored(
    notebooks: readonly NotebookRecords[],
    tombstones: readonly Tombstone[],
    revived: ReadonlySet<string> = new Set()
  ) {
    const gone = tombstones.filter((t) => t.kind === 'notebook')
    if (notebooks.length === 0 && gone.length === 0) return
    const before = this.#list.data
    const byId = new Map(before.notebooks.map((n) => [n.id, n]))
    for (const { doc, ...meta } of notebooks) {
      const body = await this.#body(meta)
      const previous = body.data.doc
      body.data.doc = doc
      await commitChange(body, () => (body.data.doc = previous))
      byId.set(meta.id, meta)
    }
    this.#list.data = {
      ...before,
      notebooks: [...byId.values()],
      tombstones: [...before.tombstones.filter((t) => !revived.has(t.id)), ...gone]
    }
    await commitChange(this.#list, () => (this.#list.data = before))
  }

  /** Stops deferred writes and writes the list if a save changed it (closing). */
  async close(): Promise<void> {
    this.#listFlush.stop()
    if (this.#listDirty) await this.#writeList()
    await this.settled()
  }

  async #writeList(): Promise<void> {
    this.#listDirty = false
    try {
      await this.#list.write()
    } catch (error) {
      this.#listDirty = true
      throw error
    }
  }

  /** Resolves when no write to the list or a loaded body is in flight. */
  async settled(): Promise<void> {
    const files = [
      this.#list,
      ...(await Promise.all([...this.#bodies.values()].map((b) => b.catch(() => undefined))))
    ]
    for (const file of files)
      if (file?.adapter instanceof DurableJsonFile) await file.adapter.settled()
  }

  #bodyPath(id: string): string {
    return join(this.#dir, `${id}.json`)
  }

  #body(notebook: NotebookMeta): Promise<Low<NotebookBodyFile>> {
    let body = this.#bodies.get(notebook.id)
    if (!body) {
      body = this.#loadBody(notebook)
      this.#bodies.set(notebook.id, body)
      body.catch(() => this.#bodies.delete(notebook.id))
    }
    return body
  }

  async #loadBody(notebook: NotebookMeta): Promise<Low<NotebookBodyFile>> {
    await makeOwnerOnlyFolder(this.#dir)
    const adapter = new DurableJsonFile(
      this.#bodyPath(notebook.id),
      NotebookBodySchema,
      noMigrations
    )
    const body = new Low<NotebookBodyFile>(adapter, {
      format: FORMAT_VERSION,
      id: notebook.id,
      doc: EMPTY_DOC
    })
    await readRecovering(body, this.#recovery, { what: `the notebook “${notebook.title}”` })
    return body
  }
}
