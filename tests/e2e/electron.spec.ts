import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

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

test('the desktop app starts sandboxed and shows the library', async () => {
  const binary = electronBinary()
  if (binary.missing) console.log(`Skipping the Electron smoke test: ${binary.missing}.`)
  test.skip(binary.path === undefined, binary.missing)
  const app = await electron.launch({
    executablePath: binary.path,
    args: [repoRoot, '--no-sandbox'],
    env: { ...process.env, DOSSIER_DATA: mkdtempSync(join(tmpdir(), 'dossier-electron-')) }
  })
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
    expect(exposed.api).not.toContain('invoke')
  } finally {
    await app.close()
  }
})
