import type { ClaimStatus } from '../../../shared/claim'

/**
 * All panes paint through the CSS Custom Highlight API: the text's DOM is never changed,
 * which is 3–100× cheaper than wrapping text in elements. `CSS.highlights` is one registry
 * per page, so each named highlight gathers the ranges of every pane.
 */
export type HighlightLayer =
  | `c${1 | 2 | 3 | 4 | 5 | 6}`
  /** A highlight's part that overlaps an earlier one: its line drawn above the text. */
  | `o${1 | 2 | 3 | 4 | 5 | 6}`
  | `claim-${ClaimStatus}`
  | 'claim-selected'
  | 'claim-phrase'
  | 'suggestion'
  | 'suggestion-current'
  | 'selected'
  | 'flash'
  | 'find'
  | 'find-current'

/**
 * Later layers paint over earlier ones: claims' underlines under the colours, then the
 * selection, then find.
 */
function priorityOf(name: HighlightLayer): number {
  if (name === 'find-current') return 4
  if (name === 'find') return 3
  if (name === 'selected' || name === 'flash' || name === 'claim-selected') return 2
  if (name === 'suggestion-current') return 2
  return name.startsWith('claim-') ? 0 : 1
}

const layers = new Map<HighlightLayer, Highlight>()
const owned = new Map<string, Map<HighlightLayer, StaticRange[]>>()

function layer(name: HighlightLayer): Highlight {
  let highlight = layers.get(name)
  if (!highlight) {
    highlight = new Highlight()
    highlight.priority = priorityOf(name)
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
