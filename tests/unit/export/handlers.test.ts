import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { dispatch } from '../../../src/core/dispatch'
import type { ApiHandlers } from '../../../src/shared/api'
import type { ExportResult } from '../../../src/shared/exporting'
import { sampleArticle } from '../store/sampleArticle'
import type { FilledLibrary } from './filledLibrary'
import { emptyLibrary, filledLibrary } from './filledLibrary'

let filled: FilledLibrary
let handlers: ApiHandlers

beforeAll(async () => {
  filled = await filledLibrary()
  // Enough articles that an export takes many steps, so it can be followed and cancelled.
  await filled.library.addArticles(
    Array.from({ length: 120 }, (_, i) =>
      sampleArticle(`Report ${i}\n\nText of report ${i}.`, `Report ${i}`)
    )
  )
  handlers = createHandlers(filled.library, { host: 'web' })
})
afterAll(() => filled.cleanup())

describe('export through the API', () => {
  it('exportLibrary returns the files; the web host cannot save them itself', async () => {
    const result = await dispatch(handlers, 'exportLibrary', { format: 'csv', excel: true })
    expect(result).toMatchObject({ ok: true })
    const { files, counts } = (result as { value: ExportResult }).value
    expect(files).toEqual([
      {
        fileName: 'Dossier library.csv',
        mimeType: 'text/csv; charset=utf-8',
        content: expect.stringMatching(/^\uFEFFarticle id,/)
      }
    ])
    expect(counts.articles).toBe(123)
    expect(await dispatch(handlers, 'exportToFile', { format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' }
    })
  })

  it('refuses filters on a backup and unknown articles, naming the field', async () => {
    expect(
      await dispatch(handlers, 'exportLibrary', { format: 'json', status: 'disputed' })
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('format: a backup keeps every record')
      }
    })
    expect(
      await dispatch(handlers, 'exportLibrary', { format: 'md', articleIds: ['ffffffffffffffff'] })
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'articleIds: no article ffffffffffffffff.' }
    })
  })

  it('follows a running export by its job id, and cancels it', async () => {
    const jobId = randomUUID()
    const running = dispatch(handlers, 'exportLibrary', { format: 'html', jobId })
    let seen: unknown = null
    for (let i = 0; i < 200 && !seen; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      const progress = await dispatch(handlers, 'getExportProgress', { jobId })
      if (progress.ok && progress.value) seen = progress.value
    }
    expect(seen).toMatchObject({ total: expect.any(Number), done: expect.any(Number) })
    expect(await dispatch(handlers, 'cancelExport', { jobId })).toEqual({
      ok: true,
      value: { cancelled: true }
    })
    expect(await running).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('cancelled') }
    })
    expect(await dispatch(handlers, 'getExportProgress', { jobId })).toEqual({
      ok: true,
      value: null
    })
    expect(await dispatch(handlers, 'cancelExport', { jobId })).toEqual({
      ok: true,
      value: { cancelled: false }
    })
  })

  it('restoreBackup restores what exportLibrary wrote, into an empty library', async () => {
    const exported = (await dispatch(handlers, 'exportLibrary', { format: 'json' })) as {
      value: ExportResult
    }
    const target = await emptyLibrary()
    try {
      const other = createHandlers(target.library, { host: 'web' })
      const content = exported.value.files[0]!.content
      const result = await dispatch(other, 'restoreBackup', {
        content,
        mode: 'empty',
        fileName: 'b.json'
      })
      expect(result).toMatchObject({ ok: true, value: { mode: 'empty', added: { articles: 124 } } })
      expect(
        await dispatch(other, 'restoreBackup', { content: 'x', mode: 'empty', fileName: 'b.json' })
      ).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(/^b\.json is not a Dossier backup/)
        }
      })
    } finally {
      await target.cleanup()
    }
  })
})
