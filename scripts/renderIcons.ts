/**
 * Renders resources/icon.svg into the files the platforms need, in resources/:
 * `icons/<n>x<n>.png` (Linux, and every size for reference), `icon.png` (the window and the
 * About box), `icon.icns` (macOS) and `icon.ico` (Windows). Run `npm run icons` after
 * changing the SVG and commit the results; a unit test checks that they match it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import { BICUBIC, createICNS, createICO } from 'png2icons'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
/** What the window and the About box show: large enough for HiDPI, small to load. */
const WINDOW_ICON_SIZE = 512

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
}

/** Every generated file, by its path under resources/. */
export function renderIconFiles(svg: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const size of ICON_SIZES) files.set(`icons/${size}x${size}.png`, renderPng(svg, size))
  files.set('icon.png', files.get(`icons/${WINDOW_ICON_SIZE}x${WINDOW_ICON_SIZE}.png`)!)
  // macOS wants 16…1024 in one file; png2icons scales them from the largest.
  const icns = createICNS(files.get('icons/1024x1024.png')!, BICUBIC, 0)
  // 256 is Windows' largest; BMP below 64 px, as the Windows shell expects in an .exe.
  const ico = createICO(files.get('icons/256x256.png')!, BICUBIC, 0, false, true)
  if (!icns || !ico) throw new Error('png2icons could not convert the rendered icon.')
  files.set('icon.icns', icns)
  files.set('icon.ico', ico)
  return files
}

async function main(): Promise<void> {
  const resources = resolve(import.meta.dirname, '../resources')
  const files = renderIconFiles(await readFile(join(resources, 'icon.svg'), 'utf8'))
  await mkdir(join(resources, 'icons'), { recursive: true })
  for (const [name, data] of files) {
    await writeFile(join(resources, name), data)
    console.log(`resources/${name}  ${data.length} bytes`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
