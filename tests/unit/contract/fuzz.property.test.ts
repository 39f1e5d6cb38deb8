import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import type { Library } from '../../../src/core/store/Library'
import type { InputOf, MethodName } from '../../../src/shared/api'
import { channelOf, methodNames } from '../../../src/shared/api'
import { DEFAULT_WORKSPACE } from '../../../src/shared/workspace'
import type { Result } from '../../../src/shared/result'
import type { WebHost } from '../../../src/web/startWebHost'
import { startWebHost } from '../../../src/web/startWebHost'
import { tempLibrary } from '../import/tempLibrary'
import { sampleArticle } from '../store/sampleArticle'
import {
  deeplyNested,
  notAnObject,
  oversizedFields,
  prototypePolluting,
  unboundedFields,
  unknownKey,
  withValueAt,
  wrongValues
} from './hostilePayloads'
import { librarySnapshot } from './librarySnapshot'

type IpcHandler = (event: { senderFrame: { url: string } }, input: unknown) => Promise<unknown>

// The one fake: Electron's ipcMain, which cannot run here. The handlers behind it are real.
const ipcHandlers = vi.hoisted(() => new Map<string, IpcHandler>())
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler) }
}))
const { registerIpcHandlers } = await import('../../../src/main/ipc')
const { isTrustedSenderUrl } = await import('../../../src/main/security')

let temp: Awaited<ReturnType<typeof tempLibrary>>
let library: Library
let host: WebHost
let before: Record<string, string>
/** Valid payloads, on real records, that the hostile ones are made from. */
let bases: { [K in MethodName]?: InputOf<K> } = {}

beforeAll(async () => {
  temp = await tempLibrary()
  const [outcome] = await temp.library.addArticles([
    sampleArticle('Harbour strike enters second week\n\nDock workers walked out on Monday.')
  ])
  const articleId = outcome!.article.id
  const annotation = await temp.library.createAnnotation({ articleId, start: 0, end: 7, color: 1 })
  const claim = await temp.library.createClaim({ articleId, start: 36, end: 48 })
  const other = await temp.library.createClaim({ articleId, start: 8, end: 14 })
  const source = await temp.library.createSource({ name: 'Dockers’ Union', kind: 'organisation' })
  const link = await temp.library.createLink({
    fromClaimId: claim.id,
    toClaimId: other.id,
    relation: 'supports'
  })
  await temp.library.workspace.save(DEFAULT_WORKSPACE)
  await temp.library.claimBoardRows()
  // Reopened after a clean close, a library writes nothing until it is changed.
  library = await temp.reopen()
  const file = { name: 'a.txt', dataBase64: Buffer.from('Injected\n\ntext').toString('base64') }
  bases = {
    getArticle: { id: articleId },
    importFiles: { files: [file] },
    previewImport: file,
    importText: { text: 'Injected\n\ntext', title: 'Injected' },
    updateArticle: { id: articleId, fields: { title: 'Renamed', tags: ['x'] } },
    deleteArticles: { ids: [articleId] },
    restoreArticles: { ids: [articleId] },
    listAnnotations: { articleId },
    createAnnotation: { articleId, start: 0, end: 7, color: 2 },
    updateAnnotation: { articleId, id: annotation.id, color: 3 },
    deleteAnnotation: { articleId, id: annotation.id },
    listClaims: { articleId },
    createClaim: { articleId, start: 15, end: 22, tags: ['t'], sourceId: source.id },
    updateClaim: { articleId, id: claim.id, status: 'supported', tags: ['t'] },
    deleteClaim: { articleId, id: claim.id },
    createLink: { fromClaimId: other.id, toClaimId: claim.id, relation: 'contradicts' },
    deleteLink: { id: link.id },
    createSource: { name: 'Port authority', kind: 'organisation', aliases: ['PA'] },
    updateSource: { id: source.id, name: 'Dock union', aliases: ['DU'] },
    gradeSource: { id: source.id, reliability: 'B', reason: 'Often right' },
    deleteSource: { id: source.id },
    saveWorkspace: { workspace: { ...DEFAULT_WORKSPACE, libraryWidth: 400 } }
  }

  registerIpcHandlers(createHandlers(library, { host: 'electron' }), (url) =>
    isTrustedSenderUrl(url)
  )
  const rendererDir = join(temp.dir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>')
  host = await startWebHost({ handlers: createHandlers(library, { host: 'web' }), rendererDir })
  before = await librarySnapshot(library.dataDir)
})
afterAll(async () => {
  await host?.close()
  await temp?.cleanup()
})

function baseOf(name: MethodName): Record<string, unknown> {
  return (bases[name] ?? {}) as Record<string, unknown>
}

/**
 * A call through the registered IPC handler, from the app's own page, with the value the
 * page sent (structured clone keeps plain JSON values as they are).
 */
function viaIpc(name: MethodName, input: unknown): Promise<unknown> {
  const handler = ipcHandlers.get(channelOf(name))!
  return handler({ senderFrame: { url: 'app://bundle/index.html' } }, input)
}

/** A call through the web host over HTTP, with the token, as the page makes it. */
function viaHttp(name: MethodName, json: string): Promise<{ status: number; result: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${host.token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(json)
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            result: JSON.parse(Buffer.concat(chunks).toString('utf8'))
          })
        )
      }
    )
    // The host answers an oversized body before reading it, then closes.
    req.on('error', reject)
    req.end(json)
  })
}

function expectRefused(name: MethodName, result: unknown): void {
  const failure = result as Result<unknown>
  expect(failure, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(failure.ok || failure.error.message.startsWith(`${name}: `), name).toBe(true)
}

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty('polluted')
}

/** Each kind of hostile payload, and how many of it each method gets per transport. */
const kinds = {
  malformed: {
    payloads: (name: MethodName) =>
      fc.oneof(notAnObject, unknownKey(name, baseOf(name)), wrongValues(name, baseOf(name))),
    runs: { ipc: 25, http: 8 }
  },
  'deeply nested': {
    payloads: (name: MethodName) => deeplyNested(name, baseOf(name)),
    runs: { ipc: 10, http: 4 }
  },
  'prototype-polluting': {
    payloads: (name: MethodName) => prototypePolluting(name, baseOf(name)),
    runs: { ipc: 25, http: 8 }
  }
}

describe('the contract', () => {
  it.each(methodNames)('caps every string and list of %s', (name) => {
    expect(unboundedFields(name)).toEqual([])
  })
})

const transports = {
  ipc: {
    label: 'IPC (dispatch)',
    call: (name: MethodName, json: string) => viaIpc(name, JSON.parse(json)),
    callWith: (name: MethodName, input: unknown) => viaIpc(name, input)
  },
  http: {
    label: 'HTTP (the web host)',
    call: async (name: MethodName, json: string) => {
      const { status, result } = await viaHttp(name, json)
      expect([200, 413]).toContain(status)
      return result
    },
    callWith: (name: MethodName, input: unknown) =>
      transports.http.call(name, JSON.stringify(input))
  }
}

describe.each(['ipc', 'http'] as const)('hostile payloads through %s', (transport) => {
  const { call, callWith } = transports[transport]

  it.each(Object.keys(kinds) as (keyof typeof kinds)[])(
    'every method refuses %s payloads as invalid_input, changing nothing',
    async (kind) => {
      for (const name of methodNames) {
        await fc.assert(
          fc.asyncProperty(kinds[kind].payloads(name), async (json) => {
            expectRefused(name, await call(name, json))
            expectUnpolluted()
          }),
          { numRuns: kinds[kind].runs[transport] }
        )
        expect(await librarySnapshot(library.dataDir), name).toEqual(before)
      }
    }
  )

  it('every method refuses each of its strings and lists one past its cap, changing nothing', async () => {
    for (const name of methodNames) {
      for (const { path, value } of oversizedFields(name)) {
        // Over HTTP, a text of 50 MB or more takes seconds just to encode as JSON; IPC proves
        // the schema refuses it, and the web host tests prove its body limits.
        if (transport === 'http' && typeof value === 'string' && value.length > 1_000_000) continue
        expectRefused(name, await callWith(name, withValueAt(baseOf(name), path, value)))
      }
      expect(await librarySnapshot(library.dataDir), name).toEqual(before)
    }
  })
})
