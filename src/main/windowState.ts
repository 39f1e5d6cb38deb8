import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileDurable } from '../core/store/writeFileDurable'

/** A rectangle in screen coordinates, as Electron gives window bounds and work areas. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const WindowStateFile = z.object({
  version: z.literal(1),
  bounds: z.object({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000)
  }),
  maximized: z.boolean()
})

/** The window's size and place when it was last closed: its normal (unmaximised) bounds. */
export type WindowState = Omit<z.infer<typeof WindowStateFile>, 'version'>

/** Where to open the window; no `x`/`y` means centred on the primary display. */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export interface WindowLimits {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** About a title bar's height: the part of a window that must be on a display to drag it. */
const TITLE_BAR = 32

/**
 * Where the window opens: the saved bounds when the middle of their title bar is on one of
 * the displays' work areas, shrunk to fit that area and moved inside it; otherwise (a
 * display unplugged, resolution changed, no saved state) the saved or default size,
 * fitted to the primary display and centred on it.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect,
  limits: WindowLimits
): WindowPlacement {
  const size = saved?.bounds ?? { width: limits.width, height: limits.height }
  const maximized = saved?.maximized ?? false
  const area = saved && workAreas.find((a) => contains(a, titleBarMiddle(saved.bounds)))
  if (!saved || !area) return { ...fitSize(size, primary, limits), maximized }
  const { width, height } = fitSize(size, area, limits)
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized
  }
}

/** The saved state, or undefined when there is none or it is not a state Dossier wrote. */
export async function readWindowState(file: string): Promise<WindowState | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const parsed = WindowStateFile.safeParse(JSON.parse(text))
    return parsed.success
      ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized }
      : undefined
  } catch {
    return undefined
  }
}

export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  const record: z.infer<typeof WindowStateFile> = { version: 1, ...state }
  await writeFileDurable(file, `${JSON.stringify(record, null, 2)}\n`)
}

function titleBarMiddle(bounds: Rect): { x: number; y: number } {
  return { x: bounds.x + bounds.width / 2, y: bounds.y + Math.min(TITLE_BAR, bounds.height) / 2 }
}

function contains(area: Rect, point: { x: number; y: number }): boolean {
  return (
    point.x >= area.x &&
    point.x < area.x + area.width &&
    point.y >= area.y &&
    point.y < area.y + area.height
  )
}

/** At most the work area (a window larger than its display cannot be dragged back). */
function fitSize(
  size: { width: number; height: number },
  area: Rect,
  limits: WindowLimits
): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, limits.minWidth), area.width),
    height: Math.min(Math.max(size.height, limits.minHeight), area.height)
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}
