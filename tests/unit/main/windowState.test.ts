import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Rect, WindowState } from '../../../src/main/windowState'
import { placeWindow, readWindowState, writeWindowState } from '../../../src/main/windowState'
import { tempFolder } from '../import/tempLibrary'

const limits = { width: 1440, height: 900, minWidth: 800, minHeight: 500 }
const laptop: Rect = { x: 0, y: 25, width: 1512, height: 920 }
/** A second display to the right of the laptop, as macOS and Windows lay them out. */
const monitor: Rect = { x: 1512, y: -300, width: 2560, height: 1400 }

function saved(
  x: number,
  y: number,
  width: number,
  height: number,
  maximized = false
): WindowState {
  return { bounds: { x, y, width, height }, maximized }
}

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [laptop], laptop, limits)).toEqual({
      width: 1440,
      height: 900,
      maximized: false
    })
  })

  it('reopens where it was closed, on whichever display that was, maximised if it was', () => {
    expect(
      placeWindow(saved(2000, 0, 1600, 1000, true), [laptop, monitor], laptop, limits)
    ).toEqual({ x: 2000, y: 0, width: 1600, height: 1000, maximized: true })
  })

  it('centres on the primary display a window whose display is gone', () => {
    // Closed on the monitor, which is unplugged now.
    expect(placeWindow(saved(2000, 0, 1600, 1000), [laptop], laptop, limits)).toEqual({
      width: 1512,
      height: 920,
      maximized: false
    })
  })

  it('treats a window whose title bar is off every display as lost', () => {
    // Only its bottom edge shows above the laptop's top: it could not be dragged back.
    const above = saved(100, -880, 1200, 900)
    expect(placeWindow(above, [laptop], laptop, limits)).not.toHaveProperty('x')
    // Its title bar's middle is on the laptop: kept, but pulled inside the work area.
    expect(placeWindow(saved(900, 400, 1200, 800), [laptop], laptop, limits)).toEqual({
      x: 312,
      y: 145,
      width: 1200,
      height: 800,
      maximized: false
    })
  })

  it('shrinks a window larger than its display, and never below the minimum size otherwise', () => {
    expect(placeWindow(saved(0, 25, 1600, 3000), [laptop], laptop, limits)).toMatchObject({
      x: 0,
      y: 25,
      width: 1512,
      height: 920
    })
    expect(placeWindow(saved(10, 30, 200, 100), [laptop], laptop, limits)).toMatchObject({
      width: 800,
      height: 500
    })
  })
})

describe('the window state file', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>
  beforeAll(async () => (folder = await tempFolder()))
  afterAll(() => folder.cleanup())

  it('round-trips through a durable write, leaving no temp file', async () => {
    const file = join(folder.dir, 'window-state.json')
    await writeWindowState(file, saved(-1200, 40, 1100, 700, true))
    expect(await readWindowState(file)).toEqual(saved(-1200, 40, 1100, 700, true))
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 })
    expect(await readdir(folder.dir)).toEqual(['window-state.json'])
  })

  it('is ignored when missing, damaged or of another shape, so the window opens anyway', async () => {
    const file = join(folder.dir, 'bad.json')
    expect(await readWindowState(join(folder.dir, 'none.json'))).toBeUndefined()
    for (const content of [
      '',
      '\0\0\0\0',
      '{"version":1,"bounds":{"x":0,"y":0,"width":800',
      '{"version":2,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false}',
      '{"version":1,"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}',
      '{"version":1,"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      '{"version":1,"bounds":{"x":1e300,"y":0,"width":800,"height":600},"maximized":false}',
      '[]'
    ]) {
      await writeFile(file, content)
      expect(await readWindowState(file), content).toBeUndefined()
    }
  })
})
