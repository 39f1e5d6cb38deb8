import type { ArgvContext } from './filePathsFromArgv'
import { filePathsFromArgv } from './filePathsFromArgv'

/** What of the main window the first instance touches: bring it to the front. */
export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  focus(): void
}

export interface SecondInstanceTarget {
  /** The window to bring forward; none yet while the first instance is still starting. */
  window: () => FocusableWindow | undefined
  /** Queues paths to import and open; they wait until the library and the page are ready. */
  open: (paths: string[]) => void
  appPathArgument: ArgvContext['appPathArgument']
}

/**
 * The first instance's `second-instance` handler: a second launch — "Open with", a
 * double-click, a drop on the taskbar icon, `dossier report.txt` — ends at once and hands
 * its command line here. Its paths are resolved against its own working directory, not
 * this process's, and the window comes to the front even when no path was given.
 */
export function forwardSecondInstance(
  target: SecondInstanceTarget
): (event: unknown, argv: string[], workingDirectory: string) => void {
  return (_event, argv, workingDirectory) => {
    const window = target.window()
    if (window?.isMinimized()) window.restore()
    window?.focus()
    const paths = filePathsFromArgv(argv, {
      cwd: workingDirectory,
      appPathArgument: target.appPathArgument
    })
    if (paths.length > 0) target.open(paths)
  }
}
