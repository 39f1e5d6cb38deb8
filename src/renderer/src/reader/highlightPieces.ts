import type { Annotation } from '../../../shared/annotation'

export type Color = 1 | 2 | 3 | 4 | 5 | 6

/** A stretch of one highlight, painted below the text (`under`) or, where it overlaps an earlier one, above. */
export interface HighlightPiece {
  start: number
  end: number
  color: Color
  /** True where an earlier highlight already covers the text: this one's line goes above. */
  over: boolean
}

/**
 * Splits highlights so overlaps stay readable without the panel: in text order, the part
 * of a highlight that an earlier one already covers is painted "over" — its colour as a
 * line above the text, the earlier one's line staying below — so two colours never blend
 * into one that is not in the legend with a single underline.
 */
export function highlightPieces(annotations: readonly Annotation[]): HighlightPiece[] {
  const sorted = [...annotations].sort(
    (a, b) =>
      a.position.start - b.position.start ||
      b.position.end - a.position.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  const pieces: HighlightPiece[] = []
  // Every earlier highlight starts at or before this one, so what they cover of it is one
  // stretch from its start up to the furthest end among them.
  let furthest = -1
  for (const { position, color } of sorted) {
    const { start, end } = position
    const c = color as Color
    const coveredEnd = Math.min(end, furthest)
    if (coveredEnd > start) pieces.push({ start, end: coveredEnd, color: c, over: true })
    if (end > Math.max(start, coveredEnd))
      pieces.push({ start: Math.max(start, coveredEnd), end, color: c, over: false })
    furthest = Math.max(furthest, end)
  }
  return pieces
}
