import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { realpath } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { ApiHandlers, MethodName } from '../shared/api'
import type { Result } from '../shared/result'
import { fail } from '../shared/result'
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy'
import { dispatch, isMethodName } from '../core/dispatch'
import { readBundleFile } from '../core/readBundleFile'

/** Import payloads are base64 in JSON: 50 MB of file is about 67 MB of body; a backup up to 80 MB. */
const MAX_IMPORT_BODY_BYTES = 80 * 1024 * 1024
/** Any other call: the longest note the editor allows, even with every character escaped. */
const MAX_BODY_BYTES = 32 * 1024 * 1024
/** How long a refused request's remaining body is read and dropped before closing. */
const DRAIN_MS = 5_000
const IMPORT_METHODS: ReadonlySet<MethodName> = new Set([
  'importFiles',
  'previewImport',
  'importText',
  'restoreBackup'
])

export interface WebHostOptions {
  handlers: ApiHandlers
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
}

export interface WebHost {
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/**
 * Serves the renderer and the API on 127.0.0.1 only. API calls need the token; requests
 * whose Host is not this loopback address and port are refused (DNS rebinding).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererRoot = await realpath(options.rendererDir)
  let port = 0
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, fail('internal', String(error)))
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendJson(
        response,
        403,
        fail('unauthorized', 'Requests must be addressed to the loopback host and port.')
      )
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    if (url.pathname.startsWith('/api/'))
      return handleApi(request, response, url.pathname.slice(5), allowedHosts)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(
        response,
        405,
        fail('invalid_input', `${request.method} is not allowed here.`)
      )
    }
    return serveFile(response, url.pathname)
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
    allowedHosts: string[]
  ): Promise<void> {
    const origin = request.headers.origin
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return sendJson(response, 403, fail('unauthorized', `Requests from ${origin} are refused.`))
    }
    if (!hasToken(request.headers.authorization, token)) {
      return sendJson(
        response,
        401,
        fail('unauthorized', 'Missing or wrong access token; open the URL the web host printed.')
      )
    }
    if (request.method !== 'POST')
      return sendJson(response, 405, fail('invalid_input', 'API calls must be POST.'))
    if (!isMethodName(name))
      return sendJson(response, 404, fail('not_found', `No API method "${name}".`))
    const limit = IMPORT_METHODS.has(name) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES
    const declared = Number(request.headers['content-length'] ?? 0)
    const body = declared > limit ? undefined : await readBody(request, limit)
    if (body === undefined) {
      // A body that grew too large while it arrived: the rest is read and dropped first (for
      // a few seconds at most), because closing with the client's bytes unread resets the
      // connection and loses the answer: the page would say "cannot reach the web host"
      // instead of the reason. One announced too large is answered at once.
      if (declared <= limit) await drain(request, DRAIN_MS)
      response.setHeader('Connection', 'close')
      sendJson(
        response,
        413,
        fail('invalid_input', `${name}: the request is over ${limit / 1024 / 1024} MB.`)
      )
      response.once('finish', () => request.destroy())
      return
    }
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(
        response,
        400,
        fail('invalid_input', `${name}: the request body is not valid JSON.`)
      )
    }
    sendJson(response, 200, await dispatch(options.handlers, name, input))
  }

  async function serveFile(response: ServerResponse, pathname: string): Promise<void> {
    const file = await readBundleFile(rendererRoot, pathname)
    if (!file) {
      response.writeHead(404, securityHeaders('text/plain; charset=utf-8'))
      response.end('Not found')
      return
    }
    response.writeHead(200, securityHeaders(file.contentType))
    response.end(file.content)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/**
 * Whether the Authorization header is `Bearer <token>`. Both sides are hashed first, so
 * the comparison takes the same time whatever was sent, its length included.
 */
function hasToken(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given ?? ''), digest(token)) && given !== undefined
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        request.pause()
        resolve(undefined)
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/** Reads and drops the rest of a request's body; resolves when it ends or after `ms`. */
function drain(request: IncomingMessage, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    request.removeAllListeners('data')
    request.once('end', () => {
      clearTimeout(timer)
      resolve()
    })
    request.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
    request.resume()
  })
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store'
  }
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, securityHeaders('application/json; charset=utf-8'))
  response.end(JSON.stringify(result ?? null))
}
