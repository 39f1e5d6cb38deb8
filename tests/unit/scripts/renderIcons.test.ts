import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ICON_SIZES, renderIconFiles } from '../../../scripts/renderIcons'

const resources = resolve(import.meta.dirname, '../../../resources')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

describe('the app icon', () => {
  it('in resources/ is what resources/icon.svg renders to (run `npm run icons` after editing it)', async () => {
    const rendered = renderIconFiles(await readFile(join(resources, 'icon.svg'), 'utf8'))
    for (const [name, data] of rendered) {
      const committed = await readFile(join(resources, name))
      expect(committed.equals(data), `resources/${name} is out of date`).toBe(true)
    }
  })

  it('has every size from 16 to 1024 px, an .icns and an .ico', async () => {
    for (const size of ICON_SIZES) {
      const png = await readFile(join(resources, 'icons', `${size}x${size}.png`))
      expect(pngSize(png)).toEqual([size, size])
    }
    expect((await readFile(join(resources, 'icon.icns'))).subarray(0, 4).toString()).toBe('icns')
    const ico = await readFile(join(resources, 'icon.ico'))
    // ICONDIR: reserved 0, type 1 (icon), then the number of images.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4) >= 5]).toEqual([
      0,
      1,
      true
    ])
  })
})
