import { readFile, realpath } from 'node:fs/promises'
import { contentTypeOf, resolveBundlePath } from './resolveBundlePath'

/**
 * A file of the built renderer for a URL path, or undefined (404) when the path, or a
 * symlink along it, leads outside `root`. Shared by the app:// protocol and the web host.
 */
export async function readBundleFile(
  root: string,
  urlPath: string
): Promise<{ content: Buffer; contentType: string } | undefined> {
  const realRoot = await realpath(root)
  const path = resolveBundlePath(realRoot, urlPath)
  if (!path) return undefined
  const real = await realpath(path).catch(() => undefined)
  if (!real || resolveBundlePath(realRoot, real.slice(realRoot.length)) !== real) return undefined
  const content = await readFile(real).catch(() => undefined)
  return content && { content, contentType: contentTypeOf(real) }
}
