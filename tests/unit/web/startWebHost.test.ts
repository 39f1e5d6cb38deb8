import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/createHandlers'
import { Library } from '../../../src/core/store/Library'
import type { WebHost } from '../../../src/web/startWebHost'
import { startWebHost } from '../../../src/web/startWebHost'
import { methodNames } from '../../../src/shared/api'
import { librarySnapshot } from '../contract/librarySnapshot'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let root: string
let library: Library
let host: WebHost
const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUNDLE'
const INDEX = '<!doctype html><title>Dossier</title><div id="root"></div>'

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-web-'))
  const rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX)
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.txt'), SECRET)
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'link.txt'))
  library = await Library.open(join(root, 'library'), 'test')
  host = await startWebHost({ handlers: createHandlers(library, { host: 'web' }), rendererDir })
})
afterAll(async () => {
  await host?.close()
  await library?.close()
  await rm(root, { recursive: true, force: true })
})

/** A raw HTTP request: the path is sent exactly as given, headers as given. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function api(name: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${name}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
      ...headers
    },
    body: JSON.stringify(input)
  })
}

describe('the web host', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the renderer with a strict CSP', async () => {
    const reply = await send('/')
    expect(reply.status).toBe(200)
    expect(reply.body).toBe(INDEX)
    const csp = String(reply.headers['content-security-policy'])
    const scriptSrc = csp.split(';').find((part) => part.trim().startsWith('script-src'))
    expect(scriptSrc).toBeDefined()
    expect(scriptSrc).not.toMatch(/unsafe-(eval|inline)/)
    expect(csp).toContain("default-src 'none'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/)
  })

  it('refuses an API call without the token, or with a wrong one (401)', async () => {
    const none = await send('/api/listArticles', { method: 'POST', body: '{}' })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await api('listArticles', {}, { Authorization: `Bearer ${host.token}x` })
    expect(wrong.status).toBe(401)
    const bare = await api('listArticles', {}, { Authorization: 'Bearer ' })
    expect(bare.status).toBe(401)
  })

  it.each([
    'evil.example',
    `evil.example:80`,
    `attacker.test:PORT`,
    `127.0.0.1:OTHER`,
    `127.0.0.1.nip.io:PORT`
  ])('refuses a request whose Host is %s (DNS rebinding, 403)', async (hostHeader) => {
    const value = hostHeader
      .replace('OTHER', String(host.port + 1))
      .replace('PORT', String(host.port))
    const apiReply = await api('listArticles', {}, { Host: value })
    expect(apiReply.status).toBe(403)
    const page = await send('/', { headers: { Host: value } })
    expect(page.status).toBe(403)
    expect(page.body).not.toContain('Dossier</title>')
  })

  it('refuses an API call from another origin, even with the token (403)', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const reply = await api('listArticles', {}, { Origin: origin })
      expect(reply.status, origin).toBe(403)
    }
    const own = await api('listArticles', {}, { Origin: `http://127.0.0.1:${host.port}` })
    expect(own.status).toBe(200)
  })

  it('answers a valid call with ok:true, also under localhost', async () => {
    const info = await api('getHostInfo', {}, { Host: `localhost:${host.port}` })
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toMatchObject({
      ok: true,
      value: { host: 'web', dataDir: library.dataDir, nativeDialogs: false }
    })
    const text = 'Harbour strike enters second week\n\nThe port is closed.\n'
    const imported = await api('importFiles', {
      files: [{ name: 'strike.txt', dataBase64: Buffer.from(text).toString('base64') }]
    })
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: [{ status: 'imported' }] })
    const list = JSON.parse((await api('listArticles', {})).body) as {
      ok: true
      value: { title: string }[]
    }
    expect(list.value.map((a) => a.title)).toEqual(['Harbour strike enters second week'])
    const window = JSON.parse(
      (await api('listArticleWindow', { sort: 'title', filter: 'harbour', offset: 0, limit: 50 }))
        .body
    ) as { ok: true; value: { rows: { title: string }[]; matching: number } }
    expect(window.value.rows.map((a) => a.title)).toEqual(['Harbour strike enters second week'])
    expect(window.value.matching).toBe(1)
    const tooMany = JSON.parse((await api('listArticleWindow', { offset: 0, limit: 5000 })).body)
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(tooMany.error.message).toContain('limit')
  })

  it('answers an invalid payload with invalid_input naming the field', async () => {
    const reply = await api('createAnnotation', { articleId: 'abcd', start: 0, end: 4, color: 7 })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('color') }
    })
    const notJson = await send('/api/listArticles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
      body: '{"trash":'
    })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('refuses unknown methods and non-POST calls', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const reply = await api(name, {})
      expect(reply.status, name).toBe(404)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    const get = await send('/api/listArticles', {
      headers: { Authorization: `Bearer ${host.token}` }
    })
    expect(get.status).toBe(405)
  })

  it.each([
    '/../package.json',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5c..%5cetc',
    '/..%5csecret.txt',
    '/%2E%2E/secret.txt',
    '//etc/passwd',
    '/link.txt',
    '/index.html%00.js',
    '/%c0%ae%c0%ae/secret.txt',
    '/assets/../../secret.txt'
  ])('never serves a file outside the bundle for %s (404)', async (path) => {
    const reply = await send(path)
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain(SECRET)
    expect(reply.body).not.toContain('root:')
    expect(reply.body).not.toContain('"name": "dossier"')
  })

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address)
    for (const address of ['::1', ...others]) {
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
      expect(reachable, address).toBe(false)
    }
  })
})

describe('oversized and malformed uploads', () => {
  it('answers 413 with the reason instead of dropping the connection', async () => {
    const reply = await send('/api/importFiles', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(81 * 1024 * 1024)
      }
    }).catch((error: unknown) => ({ status: 0, headers: {}, body: String(error) }))
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(reply.body).toContain('MB')
  })

  it('refuses bytes that are not base64, a date out of range and unknown keys, naming the field', async () => {
    const before = library.listArticles().length
    const file = { name: 'a.txt', dataBase64: Buffer.from('Hello').toString('base64') }
    for (const [bad, field] of [
      [{ ...file, dataBase64: 'not base64!' }, 'dataBase64'],
      [{ ...file, lastModified: 1e20 }, 'lastModified'],
      [{ ...file, path: '/etc/passwd' }, 'path']
    ] as const) {
      const reply = JSON.parse((await api('importFiles', { files: [bad] })).body) as {
        ok: boolean
        error: { code: string; message: string }
      }
      expect(reply.ok).toBe(false)
      expect(reply.error.code).toBe('invalid_input')
      expect(reply.error.message).toContain(field)
    }
    expect(library.listArticles()).toHaveLength(before)
  })
})

describe('every refusal, proven', () => {
  /** Every header of a reply whose name says it is part of CORS. */
  const corsHeaders = (reply: Reply): string[] =>
    Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))

  it('requires the token on every API method, before anything runs', async () => {
    const before = await librarySnapshot(library.dataDir)
    for (const name of methodNames) {
      const reply = await send(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Injected\n\nwithout the token.' })
      })
      expect(reply.status, name).toBe(401)
      expect(JSON.parse(reply.body), name).toMatchObject({ error: { code: 'unauthorized' } })
    }
    expect(await librarySnapshot(library.dataDir)).toEqual(before)
  })

  it.each([
    ['the bare token', (token: string) => ({ Authorization: token })],
    ['another scheme', (token: string) => ({ Authorization: `Basic ${token}` })],
    ['a lower-case scheme', (token: string) => ({ Authorization: `bearer ${token}` })],
    ['a cookie', (token: string) => ({ Cookie: `token=${token}` })],
    ['a custom header', (token: string) => ({ 'X-Token': token })]
  ])('takes the token only as "Bearer <token>", not as %s (401)', async (_, headers) => {
    const reply = await send('/api/listArticles', {
      method: 'POST',
      headers: headers(host.token),
      body: '{}'
    })
    expect(reply.status).toBe(401)
    const query = await send(`/api/listArticles?token=${host.token}`, {
      method: 'POST',
      body: '{}'
    })
    expect(query.status).toBe(401)
  })

  it('sends no CORS headers and answers no preflight', async () => {
    const own = `http://127.0.0.1:${host.port}`
    const replies = [
      await send('/'),
      await send('/missing.js'),
      await api('listArticles', {}),
      await api('listArticles', {}, { Origin: own }),
      await api('listArticles', {}, { Origin: 'http://evil.example' }),
      await send('/api/listArticles', { method: 'POST', body: '{}' }),
      await send('/api/listArticles', { headers: { Host: 'evil.example' } })
    ]
    for (const origin of ['http://evil.example', own]) {
      const preflight = await send('/api/listArticles', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type'
        }
      })
      expect(preflight.status, origin).toBeGreaterThanOrEqual(400)
      replies.push(preflight)
    }
    for (const reply of replies) expect(corsHeaders(reply)).toEqual([])
  })

  it('refuses a request with no Host header (403)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: host.port })
      let text = ''
      socket.on('data', (chunk) => (text += String(chunk)))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
      // HTTP/1.0 allows leaving Host out; the host must not guess it.
      socket.write('GET / HTTP/1.0\r\n\r\n')
    })
    expect(reply).toMatch(/^HTTP\/1\.1 403/)
    expect(reply).not.toContain('Dossier</title>')
  })

  it('refuses a body over 32 MB for any call but an import, also when it is streamed (413)', async () => {
    const declared = await send('/api/saveWorkspace', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${host.token}`,
        'Content-Length': String(33 * 1024 * 1024)
      }
    }).catch((error: unknown) => ({ status: 0, headers: {}, body: String(error) }))
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('32 MB') }
    })

    // Chunked, with no length announced: counted as it arrives.
    const streamed = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/deleteArticles',
          method: 'POST',
          headers: { Authorization: `Bearer ${host.token}`, 'Transfer-Encoding': 'chunked' }
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }
      )
      req.on('error', () => resolve(0))
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = (): void => {
        while (sent < 40 && req.write(chunk)) sent++
        if (sent < 40) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
    expect(streamed).toBe(413)
    expect((await api('listArticles', {})).status).toBe(200)
  })

  it('refuses a 1.8 MB list of ids fast, as invalid_input, changing nothing', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => i.toString(16).padStart(16, 'f'))
    const body = JSON.stringify({ ids })
    expect(body.length).toBeGreaterThan(1_800_000)
    const before = await librarySnapshot(library.dataDir)
    const started = performance.now()
    const reply = await send('/api/deleteArticles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body
    })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('ids') }
    })
    expect(await librarySnapshot(library.dataDir)).toEqual(before)
  })
})
