import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { CliContext } from '../context'
import { positiveInt } from '../parsers'

export function defineWeb(cli: CliContext, repoRoot: string): void {
  cli.program
    .command('web')
    .description('serve the Dossier workbench to a browser on 127.0.0.1')
    .option('--port <n>', 'port (default: a free one)', (v) => positiveInt(v), 0)
    .option('--build-if-needed', 'rebuild the renderer first when its sources are newer')
    .action(async (options: { port: number; buildIfNeeded?: boolean }) => {
      const rendererDir = resolve(repoRoot, 'out/renderer')
      const built = await access(resolve(rendererDir, 'index.html')).then(
        () => true,
        () => false
      )
      // A fresh clone has no build yet: make one rather than fail.
      if (options.buildIfNeeded || !built) {
        const { ensureRendererBuilt } = await import('../ensureRendererBuilt')
        await ensureRendererBuilt(repoRoot)
      }
      const [{ openLibrary }, { startWebHost }, { createHandlers }] = await Promise.all([
        import('../openLibrary'),
        import('../../web/startWebHost'),
        import('../../core/createHandlers')
      ])
      const library = await openLibrary(cli.globals().data, 'web host', {
        breakLock: cli.globals().breakLock === true
      })
      let host
      try {
        host = await startWebHost({
          handlers: createHandlers(library, { host: 'web' }),
          rendererDir,
          port: options.port
        })
      } catch (error) {
        await library.close()
        throw error
      }
      // The search index loads (or rebuilds) in the background while the page opens.
      library.search.start()
      cli.print({ url: host.url, port: host.port, dataDir: library.dataDir }, () =>
        [`Dossier is serving ${library.dataDir}`, `Open ${host.url}`, 'Press Ctrl+C to stop.'].join(
          '\n'
        )
      )
      const stop = async (): Promise<void> => {
        await host.close()
        await library.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop())
      process.once('SIGTERM', () => void stop())
    })
}
