// A stand-in for the `electron` module, for running the built main process on Node where
// Electron's binary is not installed. It records what main asks of Electron, then drives
// the registered handlers the way the real app would, and prints a report as JSON.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const report = { schemes: [], windows: [], urls: [], channels: [], menu: [], protocol: {}, ipc: {} }
const ipcHandlers = new Map()
let protocolHandler
let readyResolve
const ready = new Promise((resolve) => (readyResolve = resolve))

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  on: () => app,
  whenReady: () => {
    setTimeout(readyResolve, 0)
    return ready
  },
  getPath: () => process.env.DOSSIER_DATA ?? mkdtempSync(join(tmpdir(), 'dossier-fake-')),
  setPath: () => undefined,
  quit: () => undefined,
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
  }
}

export const dialog = {
  showErrorBox: (title, message) => (report.error = `${title}: ${message}`),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showMessageBox: async () => ({})
}
export const shell = { openExternal: async () => undefined }
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

export class BrowserWindow {
  constructor(options) {
    report.windows.push(options)
    this.webContents = { send: () => undefined }
  }
  once() {}
  on() {}
  show() {}
  async loadURL(url) {
    report.urls.push(url)
    setTimeout(() => void exercise().then(finish), 0)
  }
}

async function exercise() {
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
  report.ipc.fromApp = await list({ senderFrame: { url: 'app://bundle/index.html' } }, {})
  report.ipc.fromElsewhere = await list({ senderFrame: { url: 'https://evil.example/' } }, {})
  report.ipc.badPayload = await ipcHandlers.get('dossier:getArticle')(
    { senderFrame: { url: 'app://bundle/index.html' } },
    { id: 7 }
  )
}

function finish() {
  process.stdout.write(`${JSON.stringify(report)}\n`)
  process.exit(0)
}
