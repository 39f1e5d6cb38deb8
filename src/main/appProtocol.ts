import { readFile, realpath } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy'
import { contentTypeOf, resolveBundlePath } from '../core/resolveBundlePath'

/**
 * Answers `app://bundle/…` requests from the built renderer folder. Paths that leave the
 * folder, directly or through a symlink, get 404.
 */
export async function serveBundleRequest(
  rendererRoot: string,
  requestUrl: string
): Promise<Response> {
  const url = new URL(requestUrl)
  const path = url.host === 'bundle' ? resolveBundlePath(rendererRoot, url.pathname) : undefined
  const real = path ? await realpath(path).catch(() => undefined) : undefined
  const root = await realpath(rendererRoot)
  if (!path || !real || resolveBundlePath(root, real.slice(root.length)) !== real) {
    return new Response('Not found', { status: 404 })
  }
  const body = await readFile(real).catch(() => undefined)
  if (!body) return new Response('Not found', { status: 404 })
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(real),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff'
    }
  })
}
