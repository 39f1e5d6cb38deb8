// A stand-in for the `electron` module, for running the built main process on Node where
// Electron's binary is not installed. It records what main asks of Electron, then drives
// the app the way the real one would be driven — the page's requests, a second launch, a
// macOS open-file event, a dialog's buttons, quitting — and prints a report as JSON.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// As when run as `electron out/main/index.js`: the first argument names the app.
process.defaultApp = true

const APP_FRAME = { url: 'app://bundle/index.html' }
const report = {
  schemes: [],
  windows: [],
  urls: [],
  channels: [],
  menu: [],
  protocol: {},
  ipc: {},
  sent: [],
  focused: 0,
  dialogs: [],
  clipboard: [],
  openedPaths: [],
  saveDialogs: [],
  printed: []
}
const ipcHandlers = new Map()
const windowObjects = []
const ipcListeners = new Map()
const appListeners = new Map()
const sendWaiters = []
let protocolHandler
let readyResolve
let quitRequested = false
const ready = new Promise((resolve) => (readyResolve = resolve))
/** Dialog buttons to press, by label, in turn (DOSSIER_FAKE_DIALOG_ANSWERS, comma-separated). */
const answers = (process.env.DOSSIER_FAKE_DIALOG_ANSWERS ?? '').split(',').filter(Boolean)
const userData = process.env.DOSSIER_DATA ?? mkdtempSync(join(tmpdir(), 'dossier-fake-'))

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  on: (name, listener) => {
    appListeners.set(name, [...(appListeners.get(name) ?? []), listener])
    return app
  },
  whenReady: () => {
    setTimeout(readyResolve, 0)
    return ready
  },
  getPath: () => userData,
  getLocaleCountryCode: () => process.env.DOSSIER_FAKE_COUNTRY ?? 'DE',
  setPath: () => undefined,
  quit: () => {
    if (quitRequested) finish()
  },
  exit: (code) => {
    report.exitCode = code
    finish()
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.schemes.push(...schemes),
  handle: (scheme, handler) => {
    report.protocol.scheme = scheme
    protocolHandler = handler
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined
  }
}

export const ipcMain = {
  handle: (channel, handler) => {
    report.channels.push(channel)
    ipcHandlers.set(channel, handler)
  },
  on: (channel, listener) => ipcListeners.set(channel, listener),
  off: (channel, listener) => {
    if (ipcListeners.get(channel) === listener) ipcListeners.delete(channel)
  }
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } })
}

export const dialog = {
  showErrorBox: (title, message) => (report.error = `${title}: ${message}`),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  // Answers with DOSSIER_FAKE_SAVE_PATH, or cancels when there is none.
  showSaveDialog: async (...args) => {
    const options = args.at(-1)
    report.saveDialogs.push({ defaultPath: options.defaultPath, filters: options.filters })
    const filePath = process.env.DOSSIER_FAKE_SAVE_PATH
    return filePath ? { canceled: false, filePath } : { canceled: true }
  },
  showMessageBox: async (...args) => {
    const options = args.at(-1)
    report.dialogs.push({
      title: options.title,
      message: options.message,
      buttons: options.buttons
    })
    const answer = answers.shift()
    const response = answer === undefined ? -1 : options.buttons.indexOf(answer)
    return { response: response >= 0 ? response : (options.cancelId ?? 0) }
  }
}
export const shell = {
  openExternal: async () => undefined,
  openPath: async (path) => {
    report.openedPaths.push(path)
    return ''
  }
}
export const clipboard = { writeText: (text) => report.clipboard.push(text) }
export const Menu = {
  buildFromTemplate: (template) => {
    report.menu = template.map((item) => ({
      label: item.label ?? item.role,
      items: (item.submenu ?? []).map((sub) => sub.label ?? sub.role ?? sub.type)
    }))
    return {}
  },
  setApplicationMenu: () => undefined
}

class WebContents {
  constructor(name) {
    this.name = name
  }
  send(channel, payload) {
    report.sent.push({ to: this.name, channel, payload })
    for (const waiter of sendWaiters.splice(0)) waiter()
    // The page answers a save request as the preload does, once its saves are done; with
    // DOSSIER_FAKE_PAGE_SAVES=never it never does (its saves keep failing).
    if (channel === 'dossier:save-request' && process.env.DOSSIER_FAKE_PAGE_SAVES !== 'never')
      setTimeout(() => {
        ipcListeners.get('dossier:save-done')?.({ sender: this, senderFrame: APP_FRAME }, payload)
      }, 0)
  }
  isDestroyed() {
    return false
  }
  /** Chromium's printing, as far as Node can tell: what was loaded, with which options. */
  async printToPDF(options) {
    const loaded = this.loadedFile
    report.printed.push({
      file: loaded,
      html: loaded && existsSync(loaded) ? readFileSync(loaded, 'utf8') : undefined,
      options
    })
    return Buffer.from('%PDF-1.7\n% printed by the fake electron\n')
  }
}

export class BrowserWindow {
  constructor(options) {
    report.windows.push(options)
    windowObjects.push(this)
    this.options = options
    this.webContents = new WebContents('the app page')
  }
  once() {}
  on() {}
  show() {}
  maximize() {}
  isMaximized() {
    return false
  }
  isMinimized() {
    return false
  }
  isDestroyed() {
    return false
  }
  restore() {}
  focus() {
    report.focused++
  }
  getNormalBounds() {
    const { x = 240, y = 90, width, height } = this.options
    return { x, y, width, height }
  }
  async loadFile(path) {
    this.webContents.loadedFile = path
  }
  destroy() {
    this.destroyed = true
  }
  async loadURL(url) {
    report.urls.push(url)
    setTimeout(() => void exercise(this).catch(fail), 0)
  }
}

/** Resolves once main has sent `count` messages to pages in all. */
async function sent(count) {
  while (report.sent.length < count) await new Promise((resolve) => sendWaiters.push(resolve))
}

function emit(name, ...args) {
  for (const listener of appListeners.get(name) ?? []) listener(...args)
}

async function exercise(window) {
  for (const url of [
    'app://bundle/index.html',
    'app://bundle/../../package.json',
    'app://bundle/%2e%2e/%2e%2e/package.json'
  ]) {
    const response = await protocolHandler({ url })
    report.protocol[url] = {
      status: response.status,
      csp: response.headers.get('content-security-policy')
    }
  }
  const list = ipcHandlers.get('dossier:listArticles')
  report.ipc.fromElsewhere = await list({ senderFrame: { url: 'https://evil.example/' } }, {})
  // A frame at the URL the environment named instead of app:// (ELECTRON_RENDERER_URL).
  const override = process.env.ELECTRON_RENDERER_URL
  if (override) report.ipc.fromOverride = await list({ senderFrame: { url: `${override}/` } }, {})
  report.ipc.badPayload = await ipcHandlers.get('dossier:getArticle')(
    { senderFrame: APP_FRAME },
    { id: 7 }
  )

  // The page subscribes to opened files (the preload's onFilesOpened); a foreign frame's
  // signal is ignored. Then, when asked to: the paths main was started with, a second
  // launch (DOSSIER_FAKE_SECOND_ARGV, one per line, from DOSSIER_FAKE_SECOND_CWD) and a
  // macOS open-file event (DOSSIER_FAKE_OPEN_FILE).
  const ready = ipcListeners.get('dossier:files-opened-ready')
  ready({
    senderFrame: { url: 'https://evil.example/' },
    sender: new WebContents('a foreign frame')
  })
  ready({ senderFrame: APP_FRAME, sender: window.webContents })
  if (process.env.DOSSIER_FAKE_OPEN_FILE) {
    await sent(1)
    const secondArgv = (process.env.DOSSIER_FAKE_SECOND_ARGV ?? '').split('\n').filter(Boolean)
    const chromiumArgv = ['/opt/Dossier/dossier', '.', '--flag-from-chromium']
    emit(
      'second-instance',
      {},
      [...chromiumArgv, ...secondArgv],
      process.env.DOSSIER_FAKE_SECOND_CWD
    )
    await sent(2)
    emit('open-file', { preventDefault: () => undefined }, process.env.DOSSIER_FAKE_OPEN_FILE)
    await sent(3)
  }
  report.ipc.fromApp = await list({ senderFrame: APP_FRAME }, {})
  // File → Export as PDF… (DOSSIER_FAKE_SAVE_PATH answers the save dialog).
  if (process.env.DOSSIER_FAKE_SAVE_PATH) {
    const exportPdf = ipcHandlers.get('dossier:exportPdf')
    report.ipc.exportPdf = await exportPdf({ senderFrame: APP_FRAME }, { format: 'html' })
    report.ipc.exportPdfAsCsv = await exportPdf({ senderFrame: APP_FRAME }, { format: 'csv' })
    report.reportWindowsDestroyed = windowObjects
      .slice(1)
      .every((window) => window.destroyed === true)
  }

  quitRequested = true
  emit('before-quit', { preventDefault: () => (report.quitDeferred = true) })
}

function fail(error) {
  report.failure = String(error?.stack ?? error)
  finish()
}

function finish() {
  process.stdout.write(`${JSON.stringify(report)}\n`)
  process.exit(0)
}
