import type { BrowserWindowConstructorOptions } from 'electron'
import { BrowserWindow, screen } from 'electron'
import type { WindowState } from './windowState'
import { placeWindow, writeWindowState } from './windowState'
import { windowOptions } from './security'

export interface MainWindowOptions {
  preloadPath: string
  /** The app icon; Linux and Windows show it in the title bar and the task switcher. */
  iconPath: string
  /** Where the window was last closed, if anywhere. */
  saved: WindowState | undefined
}

/**
 * Opens the main window where it was last closed (fitted to today's displays), maximised
 * if it was, and shows it once the page has painted so it never flashes blank.
 */
export function createMainWindow({
  preloadPath,
  iconPath,
  saved
}: MainWindowOptions): BrowserWindow {
  const options = windowOptions(preloadPath)
  const placement = placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
    {
      width: options.width ?? 1440,
      height: options.height ?? 900,
      minWidth: options.minWidth ?? 0,
      minHeight: options.minHeight ?? 0
    }
  )
  const { maximized, ...bounds } = placement
  const window = new BrowserWindow({
    ...options,
    ...bounds,
    ...(process.platform === 'darwin' ? {} : { icon: iconPath })
  } satisfies BrowserWindowConstructorOptions)
  window.once('ready-to-show', () => {
    // Not earlier: on Windows, maximize() also shows the window, before the page painted.
    if (maximized) window.maximize()
    window.show()
  })
  return window
}

/**
 * Remembers the main window's normal (unmaximised) bounds and maximised state. The state
 * is taken when the window closes, while it still exists, and written by `save` during
 * quit, which waits for it.
 */
export class WindowStateRecorder {
  readonly #file: string
  #window: BrowserWindow | undefined
  #state: WindowState | undefined

  constructor(file: string) {
    this.#file = file
  }

  track(window: BrowserWindow): void {
    this.#window = window
    window.on('close', () => this.#capture())
  }

  async save(): Promise<void> {
    this.#capture()
    if (this.#state) await writeWindowState(this.#file, this.#state)
  }

  #capture(): void {
    const window = this.#window
    if (!window || window.isDestroyed()) return
    const { x, y, width, height } = window.getNormalBounds()
    const bounds = { x, y, width, height }
    for (const key of ['x', 'y', 'width', 'height'] as const) bounds[key] = Math.round(bounds[key])
    this.#state = { bounds, maximized: window.isMaximized() }
  }
}
