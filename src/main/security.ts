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
