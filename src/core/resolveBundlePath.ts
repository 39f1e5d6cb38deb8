import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * Maps a URL path to a file inside `root`, or undefined when it would leave it
 * (`..`, encoded `%2e%2e%2f`, backslashes, absolute paths, NUL bytes).
 */
export function resolveBundlePath(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html'
  if (isAbsolute(relativePath)) return undefined
  const base = resolve(root)
  const target = resolve(join(base, relativePath))
  const rel = relative(base, target)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined
  return target
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

export function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.')
  return TYPES[path.slice(dot).toLowerCase()] ?? 'application/octet-stream'
}
