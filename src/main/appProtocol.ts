import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy'
import { readBundleFile } from '../core/readBundleFile'

/**
 * Answers `app://bundle/…` requests from the built renderer folder. Paths that leave the
 * folder, directly or through a symlink, get 404.
 */
export async function serveBundleRequest(
  rendererRoot: string,
  requestUrl: string
): Promise<Response> {
  const url = new URL(requestUrl)
  const file = url.host === 'bundle' ? await readBundleFile(rendererRoot, url.pathname) : undefined
  if (!file) return new Response('Not found', { status: 404 })
  return new Response(file.content, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff'
    }
  })
}
