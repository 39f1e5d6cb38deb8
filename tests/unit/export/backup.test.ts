import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildBackup } from '../../../src/core/export/buildBackup'
import { ExportJob } from '../../../src/core/export/ExportJob'
import { parseBackup } from '../../../src/core/export/parseBackup'
import { resolveScope } from '../../../src/core/export/resolveScope'
import { restoreBackup } from '../../../src/core/export/restoreBackup'
import { Library } from '../../../src/core/store/Library'
import { DossierError } from '../../../src/shared/result'
import { repoRoot } from '../store/runTsArgs'
import type { FilledLibrary } from './filledLibrary'
import { emptyLibrary, filledLibrary } from './filledLibrary'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function backupOf(library: Library, articleIds?: string[]): Promise<string> {
  const scope = await resolveScope(library, { format: 'json', articleIds })
  return (await buildBackup(library, scope, new ExportJob(), '2026-01-01T00:00:00.000Z')).content
}

async function filled(): Promise<FilledLibrary> {
  const made = await filledLibrary()
  cleanups.push(made.cleanup)
  return made
}

async function empty(): Promise<Library> {
  const made = await emptyLibrary()
  cleanups.push(made.cleanup)
  return made.library
}

describe('the JSON backup', () => {
  it('restores into an empty library exactly: export → restore → export is byte-identical', async () => {
    const { library } = await filled()
    const first = await backupOf(library)
    const target = await empty()
    const summary = await restoreBackup(target, first, 'empty')
    expect(summary).toMatchObject({ mode: 'empty', format: 2, migrated: false, conflicts: 0 })
    expect(summary.added).toMatchObject({ articles: 4, claims: 5, sources: 2, notebooks: 2 })
    expect(await backupOf(target)).toBe(first)
  })

  it('is identical again after the restored library is closed and reopened', async () => {
    const { library } = await filled()
    const first = await backupOf(library)
    const { library: target, cleanup } = await emptyLibrary()
    await restoreBackup(target, first, 'empty')
    await target.close()
    const reopened = await Library.open(target.dataDir, 'test')
    try {
      expect(await backupOf(reopened)).toBe(first)
      // The restored library works as any other: the board, links and counts are there.
      const board = await reopened.claimBoardRows()
      expect(board.map((row) => row.status).sort()).toEqual([
        'checking',
        'disputed',
        'refuted',
        'unreviewed'
      ])
      const astral = reopened.listArticles().find((a) => a.title === '🚢 Harbour report')!
      expect(astral.counts).toEqual({ highlights: 1, claims: 2 })
      const links = new Set((await reopened.listLinks(astral.id)).map((l) => l.link.id))
      expect(links.size).toBe(2)
    } finally {
      await reopened.close()
      await cleanup()
    }
  })

  it('carries everything: the Trash, deleted claims, tombstones, grade history, notes, workspace', async () => {
    const { library, astral } = await filled()
    const document = JSON.parse(await backupOf(library))
    expect(document).toMatchObject({ kind: 'dossier-backup', format: 2, scope: 'library' })
    const titles = document.articles.map((a: { article: { title: string } }) => a.article.title)
    expect(titles).toContain('Trashed')
    const entry = document.articles.find(
      (a: { article: { id: string } }) => a.article.id === astral.id
    )
    expect(entry.text).toBe((await library.article(astral.id)).text)
    expect(entry.article.origin.byteSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(entry.tombstones).toHaveLength(1)
    expect(entry.articleNote.doc.content.length).toBeGreaterThan(3)
    expect(entry.rejectedSuggestions).toEqual(['said:0123456789abcdef'])
    const claims = document.articles.flatMap((a: { claims: unknown[] }) => a.claims)
    expect(claims.some((c: { deletedAt?: string }) => c.deletedAt)).toBe(true)
    const authority = document.sources.find((s: { name: string }) => s.name === 'Port <authority>')
    expect(authority.gradeHistory.map((g: { reason: string }) => g.reason)).toEqual([
      'first grade',
      'overstated before'
    ])
    expect(document.notebooks.map((n: { title: string }) => n.title)).toContain('Old notes')
    expect(document.workspace.colorNames[1]).toBe('Place <b>')
  })

  it('merges into a library without duplicates, and a second merge changes nothing', async () => {
    const { library } = await filled()
    const backup = await backupOf(library)
    const summary = await restoreBackup(library, backup, 'merge')
    expect(summary.added).toMatchObject({ articles: 0, highlights: 0, claims: 0, sources: 0 })
    expect(summary.updated).toMatchObject({ articles: 0 })
    expect(summary.conflicts).toBe(0)
    expect(await backupOf(library)).toBe(backup)
  })

  it('merges an older backup without bringing back what was deleted for good since, unless the backup changed it after', async () => {
    const { library } = await filled()
    const [trashed] = library.listArticles({ trash: true })
    const [oldNotebook] = library.listNotebooks({ trash: true })
    const backup = await backupOf(library)
    // A copy of the library made from that backup, where both are changed later.
    const copy = await empty()
    await restoreBackup(copy, backup, 'empty')
    await library.emptyTrash()
    const tombstonesOf = async (of: Library): Promise<string[]> =>
      (JSON.parse(await backupOf(of)) as { tombstones: { id: string }[] }).tombstones
        .map((t) => t.id)
        .sort()
    const deleted = await tombstonesOf(library)
    expect(deleted).toEqual([trashed!.id, oldNotebook!.id].sort())

    const summary = await restoreBackup(library, backup, 'merge')
    expect(summary.keptDeleted).toMatchObject({ articles: 1, notebooks: 1 })
    expect(summary.added).toMatchObject({ articles: 0, notebooks: 0 })
    expect(library.listArticles({ trash: true })).toEqual([])
    expect(library.listNotebooks({ trash: true })).toEqual([])
    expect(await tombstonesOf(library)).toEqual(deleted)

    // Changed in the copy after the deletion here: the merge brings them back, tombstones gone.
    await new Promise((done) => setTimeout(done, 5))
    await copy.updateArticle(trashed!.id, { title: 'Kept after all' })
    await copy.renameNotebook(oldNotebook!.id, 'Old notes, kept')
    const revived = await restoreBackup(library, await backupOf(copy), 'merge')
    expect(revived.keptDeleted).toMatchObject({ articles: 0, notebooks: 0 })
    expect(library.listArticles({ trash: true }).map((a) => a.title)).toEqual(['Kept after all'])
    expect((await library.article(trashed!.id)).text).toBe((await copy.article(trashed!.id)).text)
    expect(library.listNotebooks({ trash: true }).map((n) => n.title)).toEqual(['Old notes, kept'])
    expect(await tombstonesOf(library)).toEqual([])
  })

  it('merges a backup of edited records: the newer wins, the other is kept as a conflict copy', async () => {
    const { library, astral } = await filled()
    const backup = await backupOf(library)
    const [highlight] = await library.listAnnotations(astral.id)
    await library.updateAnnotation({ articleId: astral.id, id: highlight!.id, color: 6 })
    const source = library.findSource('Ilse Marrow')!
    await library.gradeSource({ id: source.id, reliability: 'A', reason: 'confirmed twice' })

    // The library's own edits are newer than the backup's versions: they stay.
    const summary = await restoreBackup(library, backup, 'merge')
    expect(summary.conflicts).toBe(2)
    const [kept] = await library.listAnnotations(astral.id)
    expect(kept!.color).toBe(6)
    expect(kept!.conflicts).toEqual([
      expect.objectContaining({ from: 'backup', record: expect.objectContaining({ color: 2 }) })
    ])
    expect(library.findSource('Ilse Marrow')!.reliability).toBe('A')
    // Merging it again adds no second copy.
    expect((await restoreBackup(library, backup, 'merge')).conflicts).toBe(0)

    // Into a library with the old versions, the backup's newer edit wins.
    const newer = await backupOf(library)
    const target = await empty()
    await restoreBackup(target, backup, 'empty')
    await restoreBackup(target, newer, 'merge')
    const [merged] = await target.listAnnotations(astral.id)
    expect(merged!.color).toBe(6)
  })

  it('merges a library made elsewhere: same text is one article, same claimant one source', async () => {
    const { library, astral } = await filled()
    const other = await empty()
    const text = (await library.article(astral.id)).text
    const { sampleArticle } = await import('../store/sampleArticle')
    const [outcome] = await other.addArticles([sampleArticle(text, 'Imported again elsewhere')])
    const marrow = await other.createSource({ name: 'ilse marrow', kind: 'person' })
    await other.createClaim({
      articleId: outcome!.article.id,
      start: 0,
      end: 2,
      sourceId: marrow.id
    })

    const summary = await restoreBackup(library, await backupOf(other), 'merge')
    expect(summary.added).toMatchObject({ articles: 0, claims: 1, sources: 0 })
    expect(library.listArticles().filter((a) => a.textSha256 === astral.textSha256)).toHaveLength(1)
    const sources = await library.listSources()
    expect(sources.filter((s) => s.name.toLowerCase() === 'ilse marrow')).toHaveLength(1)
    const claims = await library.listClaims(astral.id)
    const mine = library.findSource('Ilse Marrow')!
    expect(claims.filter((c) => c.sourceId === mine.id)).toHaveLength(2)
  })

  it('backs up a selection: its articles, the sources they name, and the links among them', async () => {
    const { library, astral } = await filled()
    const document = JSON.parse(await backupOf(library, [astral.id]))
    expect(document.scope).toBe('articles')
    expect(document.articles).toHaveLength(1)
    expect(document.sources.map((s: { name: string }) => s.name).sort()).toEqual([
      'Ilse Marrow',
      'Port <authority>'
    ])
    expect(document.workspace).toBeUndefined()
    const target = await empty()
    await restoreBackup(target, JSON.stringify(document), 'empty')
    // The link joins two claims of this article, so it is listed from each end.
    const links = await target.listLinks(astral.id)
    expect([...new Set(links.map((l) => `${l.link.id} ${l.link.relation}`))]).toHaveLength(1)
    expect(links[0]!.link.relation).toBe('contradicts')
  })

  it('refuses to restore into a library that is not empty, and changes nothing', async () => {
    const { library } = await filled()
    const backup = await backupOf(library)
    await expect(restoreBackup(library, backup, 'empty')).rejects.toThrow(/not empty/)
  })

  it('refuses a newer format by name, other JSON, and a tampered backup, before writing', async () => {
    const { library } = await filled()
    const backup = JSON.parse(await backupOf(library))
    const target = await empty()
    const refusal = (content: string): Promise<DossierError> =>
      restoreBackup(target, content, 'empty', 'harbour.json').then(
        () => {
          throw new Error('restored')
        },
        (error: DossierError) => error
      )
    const newer = await refusal(JSON.stringify({ ...backup, format: 3 }))
    expect(newer.code).toBe('unsupported')
    expect(newer.message).toMatch(
      /^harbour\.json was written by a newer version of Dossier \(format 3/
    )
    expect((await refusal('{"articles": []}')).message).toMatch(
      /harbour\.json is not a Dossier backup/
    )
    expect((await refusal('not json')).message).toMatch(/not valid JSON/)
    const tampered = structuredClone(backup)
    tampered.articles[0].text += ' (edited)'
    expect((await refusal(JSON.stringify(tampered))).message).toMatch(/does not match its SHA-256/)
    const moved = structuredClone(backup)
    const withHighlight = moved.articles.find(
      (a: { annotations: unknown[] }) => a.annotations.length
    )
    withHighlight.annotations[0].position.start += 1
    expect((await refusal(JSON.stringify(moved))).message).toMatch(/does not quote the text/)
    expect(target.listArticles()).toEqual([])
    expect(await readdir(join(target.dataDir, 'bodies'))).toEqual([])
  })
})

describe('the previous format', () => {
  it('the 0.1.0 library (format 1) exports, and restores exactly', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dossier-v1-backup-'))
    cleanups.push(() => rm(root, { recursive: true, force: true }))
    await cp(resolve(repoRoot, 'tests/fixtures/libraries/v1'), join(root, 'v1'), {
      recursive: true
    })
    const old = await Library.open(join(root, 'v1'), 'test')
    const backup = await backupOf(old).finally(() => old.close())
    const document = JSON.parse(backup)
    expect(document.articles).toHaveLength(3)
    const notes = document.articles.flatMap((a: { annotations: { note: unknown }[] }) =>
      a.annotations.map((h) => h.note)
    )
    expect(notes).toContainEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'union figure; check against payroll' }]
        }
      ]
    })
    const target = await empty()
    await restoreBackup(target, backup, 'empty')
    expect(await backupOf(target)).toBe(backup)
  })

  it('a format-1 backup (what 0.1.0 stored) is upgraded with the store’s own migrations', async () => {
    const fixture = resolve(repoRoot, 'tests/fixtures/libraries/v1')
    const index = JSON.parse(await readFile(join(fixture, 'library.json'), 'utf8'))
    const articles = []
    for (const article of index.articles) {
      const text = await readFile(join(fixture, 'bodies', `${article.textSha256}.txt`), 'utf8')
      const file = await readFile(join(fixture, 'annotations', `${article.id}.json`), 'utf8').then(
        (json) => JSON.parse(json),
        () => ({ annotations: [] })
      )
      articles.push({ article, text, annotations: file.annotations })
    }
    const workspace = JSON.parse(await readFile(join(fixture, 'workspace.json'), 'utf8')).workspace
    const v1 = {
      kind: 'dossier-backup',
      format: 1,
      generator: 'Dossier 0.1.0',
      exportedAt: '2026-01-01T00:00:00.000Z',
      articles,
      workspace
    }
    const parsed = parseBackup(JSON.stringify(v1))
    expect(parsed).toMatchObject({ format: 1, migrated: true })
    const target = await empty()
    const summary = await restoreBackup(target, JSON.stringify(v1), 'empty')
    expect(summary).toMatchObject({ format: 1, migrated: true })
    expect(summary.added.highlights).toBe(3)
    expect(target.listArticles({ trash: true })).toHaveLength(1)
    const highlights = await target.listAnnotations('7e83b64322b66669')
    expect(highlights[0]!.note.content?.[0]?.content?.[0]?.text).toBe(
      'union figure; check against payroll'
    )
    expect((await target.workspace.get()).colorNames[3]).toBe('Figure')
  })
})
