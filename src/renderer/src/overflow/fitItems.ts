/**
 * Which items a toolbar shows when `room` pixels do not hold them all: the pinned ones, then
 * the others in order while they fit beside the "more" button; the rest go to its menu.
 * Returns the indexes of the items shown, or all of them when everything fits.
 */
export function fitItems(
  widths: readonly number[],
  pinned: readonly boolean[],
  gap: number,
  moreWidth: number,
  room: number
): Set<number> {
  const all = new Set(widths.map((_, i) => i))
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(widths.length - 1, 0)
  if (total <= room) return all
  const shown = new Set([...all].filter((i) => pinned[i]))
  let used = moreWidth + [...shown].reduce((sum, i) => sum + widths[i]! + gap, 0)
  for (const i of all) {
    if (shown.has(i)) continue
    if (used + widths[i]! + gap > room) break
    shown.add(i)
    used += widths[i]! + gap
  }
  return shown
}
