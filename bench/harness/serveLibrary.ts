import { join } from 'node:path'
import type { ApiHandlers } from '../../src/shared/api'
import { ensureRendererBuilt } from '../../src/cli/ensureRendererBuilt'
import { createHandlers } from '../../src/core/createHandlers'
import { Library } from '../../src/core/store/Library'
import type { WebHost } from '../../src/web/startWebHost'
import { startWebHost } from '../../src/web/startWebHost'

/** A library opened by the store and served, with the built renderer, by the web host. */
export interface ServedLibrary {
  library: Library
  /** The store's own handlers, without the overrides the host serves. */
  handlers: ApiHandlers
  host: WebHost
  close(): Promise<void>
}

/**
 * Opens the library in `dir` and serves it on loopback, as `dossier web` does, building the
 * renderer first when its sources changed. `override` returns handlers that replace the
 * store's own on the host only; it is given the store's, to wrap them.
 */
export async function serveLibrary(
  repoRoot: string,
  dir: string,
  override: (handlers: ApiHandlers) => Partial<ApiHandlers> = () => ({})
): Promise<ServedLibrary> {
  await ensureRendererBuilt(repoRoot)
  const library = await Library.open(dir, 'benchmark')
  const handlers = createHandlers(library, { host: 'web' })
  const host = await startWebHost({
    handlers: { ...handlers, ...override(handlers) },
    rendererDir: join(repoRoot, 'out/renderer')
  }).catch(async (error: unknown) => {
    await library.close()
    throw error
  })
  return {
    library,
    handlers,
    host,
    close: async () => {
      await host.close()
      await library.close()
    }
  }
}
