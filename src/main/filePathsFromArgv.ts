import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ArgvContext {
  /** Where relative paths start: the working directory of the process that was given them. */
  cwd: string
  /**
   * Whether Electron runs as `electron <app> …` (development, `process.defaultApp`), so the
   * first argument that is not a switch names the app, not a file to open.
   */
  appPathArgument: boolean
}

/** `file:` and other URLs; `C:\…` is a Windows path, not a URL with the scheme `c`. */
const URL_WITH_SCHEME = /^([a-z][a-z0-9+.-]+):\/\//i

/**
 * The files and folders a command line asks Dossier to open, as absolute paths in the
 * order given, each once. Skipped: the executable, the app's path in development, and
 * switches (`--inspect=…`, Chromium's own, macOS's `-psn_…`) unless they follow `--`.
 * `file://` URLs, which Linux desktop entries pass for `%U`, become paths; other URLs are
 * not files. Nothing is looked up on disk: a path that does not exist is kept, so the
 * import reports it as missing beside the files that did import.
 */
export function filePathsFromArgv(
  argv: readonly string[],
  { cwd, appPathArgument }: ArgvContext
): string[] {
  const paths: string[] = []
  let appPathSkipped = !appPathArgument
  let switchesEnded = false
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true
      continue
    }
    if (arg === '' || (!switchesEnded && arg.startsWith('-'))) continue
    if (!appPathSkipped) {
      appPathSkipped = true
      continue
    }
    const path = pathOf(arg, cwd)
    if (path !== undefined && !paths.includes(path)) paths.push(path)
  }
  return paths
}

function pathOf(arg: string, cwd: string): string | undefined {
  const scheme = URL_WITH_SCHEME.exec(arg)?.[1]
  if (scheme === undefined) return resolve(cwd, arg)
  if (scheme.toLowerCase() !== 'file') return undefined
  try {
    return fileURLToPath(arg)
  } catch {
    // A file URL naming another host (file://server/…) is not a local path.
    return undefined
  }
}
