import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { app, dialog, Menu, protocol, session, shell } from 'electron'
import appIconPath from '../../resources/icon.png?asset'
import { createHandlers } from '../core/createHandlers'
import { importPathSources } from '../core/import/importPathSources'
import { Library } from '../core/store/Library'
import type { OpenedFiles } from '../shared/hostEvents'
import { showAboutDialog } from './aboutDialog'
import { serveBundleRequest } from './appProtocol'
import { DeliveryQueue } from './DeliveryQueue'
import { listenForFileRequests } from './fileRequests'
import { handlersWhenReady } from './handlersWhenReady'
import {
  onFilesOpenedReady,
  registerIpcHandlers,
  requestNotesSaved,
  sendFilesOpened,
  sendMenuCommand
} from './ipc'
import { libraryProblemDialog } from './libraryProblemDialog'
import { denyAllPermissions, lockDownWebContents } from './lockDown'
import { createMainWindow, WindowStateRecorder } from './mainWindow'
import { buildMenu } from './menu'
import { openLibraryPatiently } from './openLibraryPatiently'
import { printReportToPdf } from './printReportToPdf'
import { saveBeforeQuit } from './saveBeforeQuit'
import { saveExportDialog } from './saveExportDialog'
import { APP_ORIGIN, devServerUrlFor, isTrustedSenderUrl } from './security'
import { readWindowState } from './windowState'

// Only `npm run dev` serves the renderer from Vite; any other build never trusts that URL.
const devServerUrl = devServerUrlFor(import.meta.env.DEV, process.env)
const isTrustedSender = (url: string): boolean => isTrustedSenderUrl(url, devServerUrl)
const here = dirname(fileURLToPath(import.meta.url))

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

// Before anything else: the single-instance lock and the session live in userData, so a
// window on another library (DOSSIER_DATA) is another instance, not a second window.
if (process.env.DOSSIER_DATA) app.setPath('userData', process.env.DOSSIER_DATA)
const dataDir = app.getPath('userData')

let library: Library | undefined
let mainWindow: BrowserWindow | undefined
/** Paths the operating system asked to open; imported once the library is open. */
const fileRequests = new DeliveryQueue<string>(logError)
/** What those imports gave; sent once the page listens. */
const openedFiles = new DeliveryQueue<OpenedFiles>(logError)
const windowState = new WindowStateRecorder(join(dataDir, 'window-state.json'))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  listenForFileRequests(app, fileRequests, () => mainWindow)
  app.whenReady().then(start).catch(fatal)
}

async function start(): Promise<void> {
  protocol.handle('app', (request) => serveBundleRequest(join(here, '../renderer'), request.url))
  denyAllPermissions(session.defaultSession)
  // The window opens while the library does, so the page can say so; a library that
  // cannot open is explained over it, never a blank window.
  const opening = openLibraryPatiently(
    dataDir,
    () => Library.open(dataDir, 'desktop app'),
    libraryProblemDialog(() => mainWindow)
  )
  const handlers = opening.then((opened) => {
    // The search index loads (or rebuilds) in the background while the page opens.
    opened?.search.start()
    // Never answered when the user quits instead: the process is ending.
    return opened
      ? createHandlers(opened, {
          host: 'electron',
          pickImportPaths: pickPaths,
          saveExport: (files) => saveExportDialog(mainWindow, files),
          printPdf: printReportToPdf
        })
      : never()
  })
  registerIpcHandlers(handlersWhenReady(handlers), isTrustedSender)
  onFilesOpenedReady(isTrustedSender, (contents) =>
    openedFiles.deliverTo((batch) => {
      if (!contents.isDestroyed()) for (const opened of batch) sendFilesOpened(contents, opened)
    })
  )
  Menu.setApplicationMenu(
    buildMenu({
      send: (command) => mainWindow && sendMenuCommand(mainWindow.webContents, command),
      showAbout: () =>
        void showAboutDialog(mainWindow, { libraryDir: dataDir, iconPath: appIconPath }),
      revealLibrary: () => void shell.openPath(dataDir)
    })
  )
  await openWindow()

  library = await opening
  if (!library) return app.exit(1)
  const opened = library
  fileRequests.deliverTo(async (paths) =>
    openedFiles.push({ outcomes: await importPathSources(opened, paths) })
  )
}

async function openWindow(): Promise<void> {
  const window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    iconPath: appIconPath,
    saved: await readWindowState(join(dataDir, 'window-state.json'))
  })
  mainWindow = window
  windowState.track(window)
  window.on('closed', () => (mainWindow = undefined))
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

async function pickPaths(): Promise<string[]> {
  const options = {
    title: 'Import into Dossier',
    properties: ['openFile', 'openDirectory', 'multiSelections'] as const
  }
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] })
    : await dialog.showOpenDialog({ ...options, properties: [...options.properties] })
  return result.canceled ? [] : result.filePaths
}

app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents))
app.on('window-all-closed', () => app.quit())

/**
 * How long quitting waits for the page's saves before asking whether to wait on: longer
 * than a save's own rename retries (5 s) with a retry after them.
 */
const NOTES_SAVE_TIMEOUT_MS = 15_000

/** The page has not saved everything in time: wait (true), or quit anyway (false)? */
async function askToWait(): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    title: 'Dossier',
    message: 'Some changes are not saved yet',
    detail:
      'Dossier is still trying to save them; the window says how many are left. Quitting now loses them.',
    buttons: ['Wait', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  }
  const owner = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options)
  return response === 0
}

let quitting = false
app.on('before-quit', (event) => {
  if (quitting) return
  // Write the window's place, let the page save its notes, wait for pending writes and
  // release the lock, then end.
  event.preventDefault()
  quitting = true
  const page = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined
  const notesSaved = page
    ? saveBeforeQuit(
        () =>
          page.isDestroyed()
            ? Promise.resolve(true)
            : requestNotesSaved(page, isTrustedSender, NOTES_SAVE_TIMEOUT_MS),
        askToWait
      )
    : Promise.resolve(true)
  void Promise.allSettled([windowState.save(), notesSaved.then(() => library?.close())])
    .then((results) => {
      for (const result of results) if (result.status === 'rejected') logError(result.reason)
    })
    .finally(() => app.quit())
})

function never(): Promise<never> {
  return new Promise(() => undefined)
}

function logError(error: unknown): void {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('Dossier could not start', message)
  app.exit(1)
}
