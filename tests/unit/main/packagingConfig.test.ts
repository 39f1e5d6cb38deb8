import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration, FileAssociation } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../../..')
/** The article types Dossier imports and offers to open (README, "Importing"). */
const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm']

describe('the installers’ configuration (electron-builder.yml)', () => {
  let config: Configuration
  let pkg: { version: string; productName: string; scripts: Record<string, string> }

  beforeAll(async () => {
    // As `electron-builder` loads it, then checks it against its own schema.
    config = await getConfig(repo, null, null)
    await validateConfiguration(config, new DebugLogger(false))
    pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'))
  })

  it('names the app Dossier, takes the version from package.json, and builds with `npm run dist`', () => {
    expect(config.appId).toBe('app.dossier.workbench')
    expect(config.productName).toBe('Dossier')
    expect(pkg.productName).toBe('Dossier')
    expect(config).not.toHaveProperty('buildVersion')
    expect(config).not.toHaveProperty('extraMetadata')
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && electron-builder\b/)
  })

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false
    })
    expect(config.asar).toBe(true)
  })

  it('builds AppImage and .deb, .dmg, and an NSIS installer', () => {
    const targets = (platform: 'linux' | 'mac' | 'win'): unknown[] =>
      (config[platform]?.target as { target: string }[]).map((t) => t.target)
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('win')).toEqual(['nsis'])
    expect(config.mac?.category).toBe('public.app-category.productivity')
    expect(config.linux?.category).toMatch(/^Office;/)
  })

  it('offers to open every article type on each platform, never as their default app', async () => {
    // Top-level associations would reach Windows, where electron-builder makes them defaults.
    expect(config).not.toHaveProperty('fileAssociations')
    const mac = (config.mac?.fileAssociations ?? []) as FileAssociation[]
    expect(mac.flatMap((a) => a.ext)).toEqual(expect.arrayContaining(ARTICLE_EXTENSIONS))
    for (const association of mac)
      expect(association).toMatchObject({ role: 'Viewer', rank: 'Alternate' })
    expect(config.linux?.mimeTypes).toEqual(
      expect.arrayContaining(['text/plain', 'text/markdown', 'text/html'])
    )
    const nsis = await readFile(join(repo, config.nsis!.include!), 'utf8')
    for (const ext of ARTICLE_EXTENSIONS) {
      expect(nsis).toContain(`!insertmacro dossierOpenWith "${ext}"`)
      expect(nsis).toContain(`!insertmacro dossierForget "${ext}"`)
    }
    expect(nsis).toContain('OpenWithProgids')
  })

  it('packs the built app and its icon, and every installer icon exists', () => {
    // electron-builder hands `files` on as one file set.
    const files = [config.files]
      .flat()
      .flatMap((set) => (typeof set === 'string' ? [set] : [set?.filter ?? []].flat()))
    expect(files).toEqual(
      expect.arrayContaining([
        'out/**/*',
        'package.json',
        'resources/icon.png',
        '!**/node_modules/**'
      ])
    )
    expect(config.directories?.buildResources).toBe('resources')
    for (const icon of [config.mac?.icon, config.win?.icon, 'resources/icon.png'])
      expect(existsSync(join(repo, icon!)), icon!).toBe(true)
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(repo, config.linux!.icon!, `${size}x${size}.png`))).toBe(true)
  })

  it('has the icon at every size the platforms ask for: ICO 16–256, ICNS 16–1024 @1x and @2x', async () => {
    const ico = await readFile(join(repo, config.win!.icon!))
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256)
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]))
    const icns = await readFile(join(repo, config.mac!.icon!))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    const types: string[] = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString('latin1'))
    // 16, 32, 128, 256, 512 and their @2x (ic11–ic14, ic10 = 512@2x, i.e. 1024).
    expect(types).toEqual(
      expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14'])
    )
    const svg = await readFile(join(repo, 'resources/icon.svg'), 'utf8')
    expect(svg).toMatch(/^<svg[^>]+viewBox=/)
  })
})
