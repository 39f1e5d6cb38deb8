import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_NAME, defaultDataDir } from '../../../src/core/store/defaultDataDir'

describe('defaultDataDir', () => {
  it('names the folder Electron gives the desktop app (userData = appData/productName)', () => {
    const pkg = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')
    ) as {
      productName: string
    }
    expect(pkg.productName).toBe(APP_NAME)
    if (process.platform === 'linux') {
      expect(defaultDataDir({})).toBe(join(homedir(), '.config', APP_NAME))
      expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/config' })).toBe(join('/x/config', APP_NAME))
    }
  })

  it('lets DOSSIER_DATA choose another library', () => {
    expect(defaultDataDir({ DOSSIER_DATA: '/cases/harbor' })).toBe('/cases/harbor')
  })
})
