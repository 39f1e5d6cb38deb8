import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ElectronApplication } from '@playwright/test'
import { _electron as electron, expect, test } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'

const repoRoot = resolve(import.meta.dirname, '../..')

/**
 * The Electron binary's path, or why there is none. Reads electron's own path.txt
 * rather than requiring it, since requiring it tries to download the binary.
 */
function electronBinary(): { path?: string; missing?: string } {
  const folder = resolve(repoRoot, 'node_modules/electron')
  const pathFile = join(folder, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary was not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)'
    }
  }
  const path = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(path) ? { path } : { missing: `the Electron binary is missing at ${path}` }
}

const articles = join(repoRoot, 'tests/fixtures/articles')
/** `window` in the page, with what the preload exposes (runs there: no closures). */
type AppWindow = { api: WindowApi }
const WIRE_TITLE = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const SUMMIT_TITLE = 'Dražić and Halvorsen End Border Talks Without a Deal'

test('the desktop app starts sandboxed, imports through IPC and opens files it is given', async () => {
  const binary = electronBinary()
  // CI downloads the binary: there, a missing one is a failure, not a reason to skip.
  if (binary.missing && process.env.DOSSIER_REQUIRE_ELECTRON)
    throw new Error(`DOSSIER_REQUIRE_ELECTRON is set, but ${binary.missing}.`)
  if (binary.missing) console.log(`Skipping the Electron smoke test: ${binary.missing}.`)
  test.skip(binary.path === undefined, binary.missing)
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-electron-'))
  const launch = (...files: string[]): Promise<ElectronApplication> =>
    electron.launch({
      executablePath: binary.path,
      // Paths after the app's are files to open, as "Open with" or a command line passes them.
      args: [repoRoot, '--no-sandbox', ...files],
      env: { ...process.env, DOSSIER_DATA: dataDir }
    })

  const app = await launch(join(articles, 'summit-talks.txt'))
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('region', { name: 'Library' })).toBeVisible()
    const exposed = await page.evaluate(() => ({
      require: typeof (window as { require?: unknown }).require,
      process: typeof (window as { process?: unknown }).process,
      api: Object.keys((window as unknown as { api: object }).api).sort()
    }))
    expect(exposed.require).toBe('undefined')
    expect(exposed.process).toBe('undefined')
    expect(exposed.api).toContain('listArticles')
    expect(exposed.api).toContain('onFilesOpened')
    expect(exposed.api).not.toContain('invoke')

    // The fixture, read by the page and sent through the real IPC, as a drop or the picker does.
    const file = {
      name: 'harbor-strike-wire.txt',
      dataBase64: readFileSync(join(articles, 'harbor-strike-wire.txt')).toString('base64')
    }
    const imported = await page.evaluate(
      (files) => (window as unknown as AppWindow).api.importFiles({ files }),
      [file]
    )
    expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported' }] })
    // The file on the command line was imported by the main process and opened in a pane.
    await expect(page.getByRole('article', { name: SUMMIT_TITLE })).toBeVisible()
    await expect
      .poll(async () => {
        const listed = await page.evaluate(() =>
          (window as unknown as AppWindow).api.listArticles({})
        )
        return listed.ok ? listed.value.length : 0
      })
      .toBe(2)
  } finally {
    await app.close()
  }

  // Started again on the same library, the window lists what was imported.
  const again = await launch()
  try {
    const library = (await again.firstWindow()).getByRole('region', { name: 'Library' })
    await expect(library.getByText(WIRE_TITLE).first()).toBeVisible()
  } finally {
    await again.close()
  }
})
