import { request } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { Library } from '../../../src/core/store/Library'
import type { WebHost } from '../../../src/web/startWebHost'

// Watches the comparison, which stays Node's own: every token check must go through it.
const comparisons = vi.hoisted(() => [] as [number, number][])
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>()
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      comparisons.push([a.byteLength, b.byteLength])
      return crypto.timingSafeEqual(a, b)
    }
  }
})

const { startWebHost } = await import('../../../src/web/startWebHost')

let root: string
let library: Library
let host: WebHost

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-token-'))
  await mkdir(join(root, 'renderer'))
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Dossier</title>')
  library = await Library.open(join(root, 'library'), 'test')
  host = await startWebHost({
    handlers: createHandlers(library, { host: 'web' }),
    rendererDir: join(root, 'renderer')
  })
})
afterAll(async () => {
  await host?.close()
  await library?.close()
  await rm(root, { recursive: true, force: true })
})

function status(authorization: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = authorization ? { Authorization: authorization } : {}
    const req = request(
      { host: '127.0.0.1', port: host.port, path: '/api/listArticles', method: 'POST', headers },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', reject)
    req.end('{}')
  })
}

describe('the web host’s token check', () => {
  it('compares in constant time: one comparison of two fixed-size digests, whatever is sent', async () => {
    const token = host.token
    const cases: [string | undefined, number][] = [
      [undefined, 401],
      ['Bearer ', 401],
      ['Bearer x', 401],
      [`Bearer ${token.slice(0, -1)}`, 401],
      [`Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 401],
      [`Bearer ${token}${'x'.repeat(10_000)}`, 401],
      [token, 401],
      [`Bearer ${token}`, 200]
    ]
    for (const [authorization, expected] of cases) {
      comparisons.length = 0
      expect(await status(authorization), String(authorization).slice(0, 20)).toBe(expected)
      expect(comparisons, String(authorization).slice(0, 20)).toEqual([[32, 32]])
    }
  })
})
