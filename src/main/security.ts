import type { BrowserWindowConstructorOptions } from 'electron'

/** The app's own origin; the renderer is served from here by the `app://` protocol. */
export const APP_ORIGIN = 'app://bundle'

/** Window settings: an isolated, sandboxed page with no Node.js. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Dossier',
    backgroundColor: '#1d1f23',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true
    }
  }
}

/** Whether an IPC call comes from the app's page (or the dev server in `npm run dev`). */
export function isTrustedSenderUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'app:' && parsed.host === 'bundle') return true
  return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin
}

/**
 * The Vite dev server `electron-vite dev` names in ELECTRON_RENDERER_URL, honoured only by
 * a development build and only on loopback. Any other build ignores the variable: obeying
 * it would load the window from whatever origin it names, outside app:// and its CSP, and
 * trust that origin's IPC.
 */
export function devServerUrlFor(
  isDevelopmentBuild: boolean,
  env: Readonly<Record<string, string | undefined>>
): string | undefined {
  const url = env.ELECTRON_RENDERER_URL
  if (!isDevelopmentBuild || url === undefined) return undefined
  try {
    const { protocol, hostname } = new URL(url)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
    return loopback && (protocol === 'http:' || protocol === 'https:') ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether a link may be handed to the system browser: an http(s) URL once parsed. The
 * parser, not a pattern, decides, so `javascript:`, `file:`, custom schemes and anything
 * that is not a URL never reach `shell.openExternal`.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
