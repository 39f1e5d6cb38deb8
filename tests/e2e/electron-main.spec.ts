import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { channelOf, methodNames } from '../../src/shared/api'
import type { OpenedFiles } from '../../src/shared/hostEvents'
import { FILES_OPENED_CHANNEL } from '../../src/shared/hostEvents'
import { WebHostProcess } from './webHost'

const repoRoot = resolve(import.meta.dirname, '../..')
const articles = join(repoRoot, 'tests/fixtures/articles')

interface Report {
  error?: string
  failure?: string
  exitCode?: number
  schemes: { scheme: string; privileges: Record<string, boolean> }[]
  windows: {
    icon?: string
    width: number
    height: number
    webPreferences: Record<string, unknown>
  }[]
  urls: string[]
  channels: string[]
  menu: { label: string; items: string[] }[]
  protocol: Record<string, { status: number; csp: string | null }>
  ipc: Record<string, { ok: boolean; value?: unknown; error?: { code: string } }>
  sent: { to: string; channel: string; payload: OpenedFiles }[]
  focused: number
  quitDeferred?: boolean
  dialogs: { title: string; message: string; buttons: string[] }[]
  clipboard: string[]
  openedPaths: string[]
  saveDialogs: { defaultPath: string; filters: { name: string; extensions: string[] }[] }[]
  printed: { file: string; html?: string; options: Record<string, unknown> }[]
  reportWindowsDestroyed?: boolean
}

/**
 * Runs the built main process (out/main/index.js, every dependency bundled) on Node with
 * only the `electron` module replaced (tests/e2e/fake-electron), where Electron's binary
 * cannot be installed. The stand-in drives the real protocol, IPC and file-open handlers.
 */
async function runMain(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<Report> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', './tests/e2e/fake-electron/register.mjs', 'out/main/index.js', ...args],
    { cwd: repoRoot, env: { ...process.env, ...env, DOSSIER_DATA: dataDir } }
  )
  return JSON.parse(stdout) as Report
}

test('the built desktop main process opens the library, registers the contract and guards it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-main-'))
  const report = await runMain(dataDir, [])
  expect(report.failure).toBeUndefined()
  expect(report.error).toBeUndefined()
  expect(report.schemes).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
  expect(report.windows[0]!.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false
  })
  expect(String(report.windows[0]!.webPreferences.preload)).toMatch(
    /out[/\\]preload[/\\]index\.cjs$/
  )
  expect(report.windows[0]!.icon).toMatch(/resources[/\\]icon\.png$/)
  expect(existsSync(report.windows[0]!.icon!)).toBe(true)
  expect(report.urls).toEqual(['app://bundle/index.html'])
  expect(report.channels.sort()).toEqual(methodNames.map(channelOf).sort())
  expect(report.menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
  expect(report.menu[0]!.items).toEqual(
    expect.arrayContaining([
      'Import…',
      'Export…',
      'Export as PDF…',
      'Restore from Backup…',
      'Reveal Library Folder'
    ])
  )
  expect(report.menu[2]!.items).toEqual(expect.arrayContaining(['reload', 'togglefullscreen']))
  expect(report.menu[3]!.items).toEqual(['Keyboard Shortcuts', 'separator', 'About Dossier'])
  expect(report.protocol['app://bundle/index.html']).toMatchObject({
    status: 200,
    csp: expect.stringContaining("script-src 'self'")
  })
  expect(report.protocol['app://bundle/%2e%2e/%2e%2e/package.json']!.status).toBe(404)
  expect(report.ipc.fromElsewhere).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  expect(report.ipc.badPayload).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(report.ipc.fromApp).toEqual({ ok: true, value: [] })
  // Nothing is sent to the page but, on quit, the request to save its open notes.
  expect(report.sent).toEqual([{ to: 'the app page', channel: 'dossier:save-request', payload: 1 }])
})

test('quitting while the page cannot save: the analyst is asked, Wait asks the page again, Quit anyway quits', async () => {
  test.setTimeout(120_000)
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-main-'))
  const report = await runMain(dataDir, [], {
    DOSSIER_FAKE_PAGE_SAVES: 'never',
    DOSSIER_FAKE_DIALOG_ANSWERS: 'Wait,Quit anyway'
  })
  const asked = report.dialogs.filter((d) => d.message === 'Some changes are not saved yet')
  expect(asked).toEqual([
    {
      title: 'Dossier',
      message: 'Some changes are not saved yet',
      buttons: ['Wait', 'Quit anyway']
    },
    {
      title: 'Dossier',
      message: 'Some changes are not saved yet',
      buttons: ['Wait', 'Quit anyway']
    }
  ])
  // The page was asked, then asked again after Wait; after Quit anyway the app quit.
  expect(report.sent.filter((s) => s.channel === 'dossier:save-request')).toHaveLength(2)
  expect(report.quitDeferred).toBe(true)
})

test('files the operating system asks to open are imported and sent to the page', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-main-'))
  const report = await runMain(
    dataDir,
    [join(articles, 'harbor-strike-wire.txt'), join(articles, 'no-such-file.txt')],
    {
      DOSSIER_FAKE_SECOND_ARGV: 'summit-talks.txt',
      DOSSIER_FAKE_SECOND_CWD: articles,
      DOSSIER_FAKE_OPEN_FILE: join(articles, 'harbor-strike-opinion.txt')
    }
  )
  expect(report.failure).toBeUndefined()
  // Only to the app's page, never to the foreign frame that also claimed to listen.
  const opened = report.sent.filter((s) => s.channel !== 'dossier:save-request')
  expect(opened.map((s) => [s.to, s.channel])).toEqual(
    Array(3).fill(['the app page', FILES_OPENED_CHANNEL])
  )
  const [started, secondLaunch, openFile] = opened.map((s) => s.payload.outcomes)
  // The paths Dossier was started with; a missing one is reported, not dropped.
  expect(started!.map((o) => [o.status, o.name])).toEqual([
    ['imported', join(articles, 'harbor-strike-wire.txt')],
    ['refused', join(articles, 'no-such-file.txt')]
  ])
  expect(started![1]).toMatchObject({ reason: 'missing' })
  // A second launch's relative path, from its own working directory; the window came forward.
  expect(secondLaunch!.map((o) => [o.status, o.name])).toEqual([
    ['imported', join(articles, 'summit-talks.txt')]
  ])
  expect(report.focused).toBe(1)
  // macOS open-file.
  expect(openFile!.map((o) => o.status)).toEqual(['imported'])
  const titles = (report.ipc.fromApp!.value as { title: string }[]).map((a) => a.title)
  expect(titles).toHaveLength(3)
  expect(titles).toContain('Port of Velmora Strike Enters Third Day as Talks Stall')

  // Quitting wrote the window's place and released the library.
  expect(report.quitDeferred).toBe(true)
  const state = JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8'))
  expect(state).toEqual({
    version: 1,
    bounds: { x: 240, y: 90, width: report.windows[0]!.width, height: report.windows[0]!.height },
    maximized: false
  })
  expect(existsSync(join(dataDir, 'dossier.lock'))).toBe(false)
})

test('a library held by another Dossier process is explained, never a blank window', async () => {
  const host = await WebHostProcess.start()
  try {
    const report = await runMain(host.dataDir, [], {
      DOSSIER_FAKE_DIALOG_ANSWERS: 'Reveal Library Folder,Copy Details,Quit'
    })
    expect(report.failure).toBeUndefined()
    expect(report.urls).toEqual(['app://bundle/index.html'])
    expect(report.dialogs).toHaveLength(3)
    expect(report.dialogs[0]).toMatchObject({
      title: 'Dossier cannot open its library',
      buttons: ['Try Again', 'Reveal Library Folder', 'Copy Details', 'Quit']
    })
    expect(report.openedPaths).toEqual([host.dataDir])
    expect(report.clipboard[0]).toContain('in use by the Dossier web host')
    expect(report.exitCode).toBe(1)
  } finally {
    await host.stop()
  }
})

test('Export as PDF prints the report in a hidden window that runs no script, then saves it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-main-'))
  const savePath = join(dataDir, 'exports', 'Library report.pdf')
  await mkdir(dirname(savePath))
  const report = await runMain(dataDir, [join(articles, 'harbor-strike-wire.txt')], {
    DOSSIER_FAKE_SECOND_ARGV: 'summit-talks.txt',
    DOSSIER_FAKE_SECOND_CWD: articles,
    DOSSIER_FAKE_OPEN_FILE: join(articles, 'harbor-strike-opinion.txt'),
    DOSSIER_FAKE_SAVE_PATH: savePath,
    DOSSIER_FAKE_COUNTRY: 'us'
  })
  expect(report.failure).toBeUndefined()
  expect(report.ipc.exportPdf).toEqual({ ok: true, value: { paths: [savePath] } })
  // Only the report prints: any other format is refused by name before anything runs.
  expect(report.ipc.exportPdfAsCsv).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(report.printed).toHaveLength(1)

  // A second window, hidden, sandboxed, JavaScript off, no preload, destroyed afterwards.
  const reportWindow = report.windows[1]!
  expect(reportWindow).toMatchObject({ show: false })
  expect(reportWindow.webPreferences).toMatchObject({
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true
  })
  expect(reportWindow.webPreferences).not.toHaveProperty('preload')
  expect(report.reportWindowsDestroyed).toBe(true)

  // It printed the self-contained report of the library, from a private temporary file
  // that is gone afterwards.
  const [printed] = report.printed
  expect(printed!.html).toContain('Port of Velmora Strike Enters Third Day as Talks Stall')
  expect(printed!.html).toMatch(
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/
  )
  expect(printed!.html).not.toMatch(/<script|<link|src="http/i)
  expect(printed!.file.startsWith(tmpdir())).toBe(true)
  expect(existsSync(printed!.file)).toBe(false)
  expect(printed!.options).toMatchObject({
    pageSize: 'Letter',
    printBackground: true,
    displayHeaderFooter: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true
  })
  expect(String(printed!.options.footerTemplate)).toContain('class="pageNumber"')

  // The save dialog offered the report's name as a .pdf; the bytes went where it said.
  expect(report.saveDialogs).toHaveLength(1)
  expect(report.saveDialogs[0]!.defaultPath).toMatch(/\.pdf$/)
  expect(report.saveDialogs[0]!.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }])
  expect((await readFile(savePath, 'latin1')).startsWith('%PDF-')).toBe(true)
})
