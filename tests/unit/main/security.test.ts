import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { serveBundleRequest } from '../../../src/main/appProtocol'
import { isTrustedSenderUrl, windowOptions } from '../../../src/main/security'

describe('windowOptions', () => {
  it('isolates and sandboxes the page, with no Node.js', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('isTrustedSenderUrl', () => {
  it('accepts only the app’s own page', () => {
    expect(isTrustedSenderUrl('app://bundle/index.html')).toBe(true)
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      '',
      'null',
      'app://other/index.html',
      'http://localhost:5173/'
    ]) {
      expect(isTrustedSenderUrl(url), url).toBe(false)
    }
  })
  it('accepts the dev server only when one is running', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})

describe('serveBundleRequest (the app:// protocol)', () => {
  let root: string
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'dossier-bundle-'))
    root = join(base, 'renderer')
    await mkdir(join(root, 'assets'), { recursive: true })
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Dossier</title>')
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(base, 'secret.txt'), 'SECRET')
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.js'))
  })

  it('serves files of the bundle with the CSP', async () => {
    const response = await serveBundleRequest(root, 'app://bundle/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await response.text()).toContain('<title>Dossier</title>')
    expect(
      (await serveBundleRequest(root, 'app://bundle/assets/app.js')).headers.get('content-type')
    ).toContain('javascript')
  })

  it('refuses every way out of the bundle', async () => {
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/%2e%2e%2fsecret.txt',
      'app://bundle/..%5csecret.txt',
      'app://bundle/assets/link.js',
      'app://bundle//etc/passwd',
      'app://bundle/%00index.html',
      'app://other/index.html'
    ]) {
      const response = await serveBundleRequest(root, url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('SECRET')
    }
  })
})
