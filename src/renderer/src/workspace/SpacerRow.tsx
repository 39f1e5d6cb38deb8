/** Stands in for `rows` windowed-out rows of `rowHeight` pixels, so the scrollbar is true. */
export function SpacerRow({ rows, rowHeight }: { rows: number; rowHeight: number }) {
  return <tr className="spacer" aria-hidden="true" style={{ height: rows * rowHeight }} />
}
