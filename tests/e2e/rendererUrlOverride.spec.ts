import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'

const repoRoot = resolve(import.meta.dirname, '../..')

/**
 * The built main process (a production build: `electron-vite build`) with
 * ELECTRON_RENDERER_URL set, as malware or a careless shell profile could set it. Only a
 * development build (`electron-vite dev`) may honour it; this one must load app:// and
 * refuse IPC from that origin. Runs on Node with the stand-in electron module.
 */
test('a production build ignores ELECTRON_RENDERER_URL: app:// loads, that origin gets no IPC', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', './tests/e2e/fake-electron/register.mjs', 'out/main/index.js'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DOSSIER_DATA: await mkdtemp(join(tmpdir(), 'dossier-main-')),
        // Loopback, as `electron-vite dev` names it: even that must be ignored here.
        ELECTRON_RENDERER_URL: 'http://localhost:5173'
      }
    }
  )
  const report = JSON.parse(stdout) as {
    error?: string
    urls: string[]
    ipc: Record<string, { ok: boolean; error?: { code: string } }>
  }
  expect(report.error).toBeUndefined()
  expect(report.urls).toEqual(['app://bundle/index.html'])
  expect(report.ipc.fromOverride).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  expect(report.ipc.fromApp).toMatchObject({ ok: true })
})
