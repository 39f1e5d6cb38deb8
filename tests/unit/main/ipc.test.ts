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
type Listener = (event: unknown, ...args: unknown[]) => void
const listeners = vi.hoisted(() => new Map<string, Listener>())
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => registered.set(channel, handler),
    on: (channel: string, listener: Listener) => listeners.set(channel, listener),
    off: (channel: string, listener: Listener) =>
      listeners.get(channel) === listener && listeners.delete(channel)
  }
}))

const { onFilesOpenedReady, registerIpcHandlers, requestNotesSaved } =
  await import('../../../src/main/ipc')
const { FILES_OPENED_READY_CHANNEL, SAVE_DONE_CHANNEL, SAVE_REQUEST_CHANNEL } =
  await import('../../../src/shared/hostEvents')
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
    const window = await registered.get(channelOf('listArticleWindow'))!(frame, {
      sort: 'claims',
      descending: true,
      offset: 0,
      limit: 100
    })
    expect(window).toMatchObject({ ok: true, value: { rows: [], matching: 0, total: 0 } })
    const unsorted = await registered.get(channelOf('listArticleWindow'))!(frame, {
      sort: 'body',
      offset: 0,
      limit: 100
    })
    expect(unsorted).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!unsorted.ok && unsorted.error.message).toContain('sort')
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

describe('requestNotesSaved', () => {
  const page = () => {
    const sent: { channel: string; id: unknown }[] = []
    return { sent, send: (channel: string, id: unknown) => sent.push({ channel, id }) }
  }

  it('asks the page to save its notes and waits for the page’s own answer', async () => {
    const contents = page()
    const saved = requestNotesSaved(contents as never, isTrustedSenderUrl, 5000)
    const [asked] = contents.sent
    expect(asked?.channel).toBe(SAVE_REQUEST_CHANNEL)
    const answer = listeners.get(SAVE_DONE_CHANNEL)!
    // Another frame, another page, another request: none of them counts.
    answer({ sender: contents, senderFrame: { url: 'https://evil.example/' } }, asked!.id)
    answer({ sender: page(), senderFrame: { url: 'app://bundle/index.html' } }, asked!.id)
    answer({ sender: contents, senderFrame: { url: 'app://bundle/index.html' } }, -1)
    expect(listeners.has(SAVE_DONE_CHANNEL)).toBe(true)
    answer({ sender: contents, senderFrame: { url: 'app://bundle/index.html' } }, asked!.id)
    await expect(saved).resolves.toBe(true)
    expect(listeners.has(SAVE_DONE_CHANNEL)).toBe(false)
  })

  it('gives up after the timeout, so a hung page cannot keep the app from quitting', async () => {
    vi.useFakeTimers()
    try {
      const saved = requestNotesSaved(page() as never, isTrustedSenderUrl, 5000)
      await vi.advanceTimersByTimeAsync(5000)
      await expect(saved).resolves.toBe(false)
      expect(listeners.has(SAVE_DONE_CHANNEL)).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})
