import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron'
import { createHandlers } from '../core/createHandlers'
import { Library } from '../core/store/Library'
import { serveBundleRequest } from './appProtocol'
import { registerIpcHandlers, sendMenuCommand } from './ipc'
import { buildMenu } from './menu'
import { APP_ORIGIN, isTrustedSenderUrl, windowOptions } from './security'

// Only `npm run dev` serves the renderer from Vite; a packaged app never trusts that URL.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const here = dirname(fileURLToPath(import.meta.url))
const rendererRoot = join(here, '../renderer')

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

let library: Library | undefined
let mainWindow: BrowserWindow | undefined

// Before anything else: the single-instance lock and the session live in userData, so a
// window on another library (DOSSIER_DATA) is another instance, not a second window.
if (process.env.DOSSIER_DATA) app.setPath('userData', process.env.DOSSIER_DATA)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, (error: unknown) => fatal(error))
}

async function start(): Promise<void> {
  try {
    library = await Library.open(app.getPath('userData'), 'desktop app')
  } catch (error) {
    return fatal(error)
  }
  const opened = library
  protocol.handle('app', (request) => serveBundleRequest(rendererRoot, request.url))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)

  registerIpcHandlers(
    createHandlers(opened, {
      host: 'electron',
      pickImportPaths: async () => {
        const options = {
          title: 'Import into Dossier',
          properties: ['openFile', 'openDirectory', 'multiSelections'] as const
        }
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, {
              ...options,
              properties: [...options.properties]
            })
          : await dialog.showOpenDialog({ ...options, properties: [...options.properties] })
        return result.canceled ? [] : result.filePaths
      }
    }),
    (url) => isTrustedSenderUrl(url, devServerUrl)
  )
  Menu.setApplicationMenu(
    buildMenu((command) => mainWindow && sendMenuCommand(mainWindow.webContents, command))
  )
  createWindow()
}

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')))
  mainWindow = window
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => (mainWindow = undefined))
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

app.on('web-contents-created', (_event, contents) => {
  // The page never navigates: links to the web open in the system browser, nothing else.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
})

app.on('window-all-closed', () => app.quit())

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !library) return
  // Wait for pending writes and release the lock before the process ends.
  event.preventDefault()
  quitting = true
  library.close().finally(() => app.quit())
})

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('Dossier cannot open its library', message)
  app.exit(1)
}
