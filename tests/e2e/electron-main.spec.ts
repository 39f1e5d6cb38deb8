import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { channelOf, methodNames } from '../../src/shared/api'

const repoRoot = resolve(import.meta.dirname, '../..')

/**
 * Runs the built main process (out/main/index.js, every dependency bundled) on Node with
 * only the `electron` module replaced (tests/e2e/fake-electron), where Electron's binary
 * cannot be installed. The stand-in drives the real protocol and IPC handlers.
 */
test('the built desktop main process opens the library, registers the contract and guards it', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', './tests/e2e/fake-electron/register.mjs', 'out/main/index.js'],
    {
      cwd: repoRoot,
      env: { ...process.env, DOSSIER_DATA: await mkdtemp(join(tmpdir(), 'dossier-main-')) }
    }
  )
  const report = JSON.parse(stdout) as {
    error?: string
    schemes: { scheme: string; privileges: Record<string, boolean> }[]
    windows: { webPreferences: Record<string, unknown> }[]
    urls: string[]
    channels: string[]
    menu: { label: string; items: string[] }[]
    protocol: Record<string, { status: number; csp: string | null }>
    ipc: Record<string, { ok: boolean; error?: { code: string } }>
  }
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
  expect(report.urls).toEqual(['app://bundle/index.html'])
  expect(report.channels.sort()).toEqual(methodNames.map(channelOf).sort())
  expect(report.menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
  expect(report.menu[0]!.items).toContain('Import…')
  expect(report.menu[2]!.items).toEqual(expect.arrayContaining(['reload', 'togglefullscreen']))
  expect(report.protocol['app://bundle/index.html']).toMatchObject({
    status: 200,
    csp: expect.stringContaining("script-src 'self'")
  })
  expect(report.protocol['app://bundle/%2e%2e/%2e%2e/package.json']!.status).toBe(404)
  expect(report.ipc.fromApp).toEqual({ ok: true, value: [] })
  expect(report.ipc.fromElsewhere).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  expect(report.ipc.badPayload).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
})
