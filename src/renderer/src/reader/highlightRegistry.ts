/**
 * All panes paint through the CSS Custom Highlight API: the text's DOM is never changed,
 * which is 3–100× cheaper than wrapping text in elements. `CSS.highlights` is one registry
 * per page, so each named highlight gathers the ranges of every pane.
 */
export type HighlightLayer =
  `c${1 | 2 | 3 | 4 | 5 | 6}` | 'selected' | 'flash' | 'find' | 'find-current'

const layers = new Map<HighlightLayer, Highlight>()
const owned = new Map<string, Map<HighlightLayer, StaticRange[]>>()

function layer(name: HighlightLayer): Highlight {
  let highlight = layers.get(name)
  if (!highlight) {
    highlight = new Highlight()
    // Later layers paint over earlier ones: find and selection above colours.
    highlight.priority =
      name === 'find-current'
        ? 4
        : name === 'find'
          ? 3
          : name === 'selected' || name === 'flash'
            ? 2
            : 1
    CSS.highlights.set(`dossier-${name}`, highlight)
    layers.set(name, highlight)
  }
  return highlight
}

/** Replaces what `owner` (a pane) paints on `name` with `ranges`. */
export function paint(owner: string, name: HighlightLayer, ranges: StaticRange[]): void {
  const byLayer = owned.get(owner) ?? new Map<HighlightLayer, StaticRange[]>()
  owned.set(owner, byLayer)
  const highlight = layer(name)
  for (const range of byLayer.get(name) ?? []) highlight.delete(range)
  for (const range of ranges) highlight.add(range)
  byLayer.set(name, ranges)
}

/** Removes everything `owner` painted. */
export function clearOwner(owner: string): void {
  const byLayer = owned.get(owner)
  if (!byLayer) return
  for (const [name, ranges] of byLayer) {
    const highlight = layer(name)
    for (const range of ranges) highlight.delete(range)
  }
  owned.delete(owner)
}
