import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channelOf, methodNames } from '../../../src/shared/api'
import type { Result } from '../../../src/shared/result'
import { createHandlers } from '../../../src/core/createHandlers'
import { Library } from '../../../src/core/store/Library'

type Handler = (
  event: { senderFrame: { url: string } | null },
  input: unknown
) => Promise<Result<unknown>>

// The one fake: Electron itself, which cannot run here. Everything behind it is real.
const registered = vi.hoisted(() => new Map<string, Handler>())
const listeners = vi.hoisted(() => new Map<string, (event: unknown) => void>())
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => registered.set(channel, handler),
    on: (channel: string, listener: (event: unknown) => void) => listeners.set(channel, listener)
  }
}))

const { onFilesOpenedReady, registerIpcHandlers } = await import('../../../src/main/ipc')
const { FILES_OPENED_READY_CHANNEL } = await import('../../../src/shared/hostEvents')
const { isTrustedSenderUrl } = await import('../../../src/main/security')

describe('registerIpcHandlers', () => {
  let dataDir: string
  let library: Library

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-ipc-'))
    library = await Library.open(dataDir, 'test')
    registerIpcHandlers(createHandlers(library, { host: 'electron' }), (url) =>
      isTrustedSenderUrl(url)
    )
  })

  afterAll(async () => {
    await library.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('registers one channel for every contract method', () => {
    expect([...registered.keys()].sort()).toEqual(methodNames.map(channelOf).sort())
  })

  it('refuses calls from any frame but the app’s page, before any handler runs', async () => {
    const importFiles = registered.get(channelOf('importFiles'))!
    const payload = {
      files: [{ name: 'x.txt', dataBase64: Buffer.from('Injected').toString('base64') }]
    }
    for (const senderFrame of [
      { url: 'https://evil.example/' },
      { url: 'file:///tmp/x.html' },
      null
    ]) {
      const result = await importFiles({ senderFrame }, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(library.listArticles()).toEqual([])
  })

  it('validates payloads from the app’s page and answers with results', async () => {
    const frame = { senderFrame: { url: 'app://bundle/index.html' } }
    const bad = await registered.get(channelOf('getArticle'))!(frame, { id: 42 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!bad.ok && bad.error.message).toContain('id')
    const listed = await registered.get(channelOf('listArticles'))!(frame, {})
    expect(listed).toEqual({ ok: true, value: [] })
    const polluted = await registered.get(channelOf('listArticles'))!(
      frame,
      JSON.parse('{"__proto__":{"x":1}}')
    )
    expect(polluted).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describe('onFilesOpenedReady', () => {
  it('hears only the app’s page say it listens for opened files', () => {
    const ready: unknown[] = []
    onFilesOpenedReady(isTrustedSenderUrl, (contents) => ready.push(contents))
    const signal = listeners.get(FILES_OPENED_READY_CHANNEL)!
    signal({ senderFrame: { url: 'https://evil.example/' }, sender: 'evil' })
    signal({ senderFrame: null, sender: 'unknown' })
    signal({ senderFrame: { url: 'app://bundle/index.html' }, sender: 'the page' })
    expect(ready).toEqual(['the page'])
  })
})
