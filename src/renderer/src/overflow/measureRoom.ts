/**
 * The width a toolbar may take in its row: the row's content width less the gaps and what
 * its siblings keep, their flex-basis in pixels (else their min-width). A title with
 * `flex: 1 1 6rem; min-width: 0` thus keeps 6rem from the toolbar's buttons, and can still
 * give it up to the buttons that always stay. Read from the row, not the toolbar, so that
 * hiding buttons does not change the answer.
 */
export function measureRoom(toolbar: HTMLElement): number {
  const row = toolbar.parentElement
  if (!row) return toolbar.clientWidth
  const style = getComputedStyle(row)
  const gap = parseFloat(style.columnGap) || 0
  let room = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
  for (const sibling of row.children) {
    if (sibling === toolbar || !(sibling instanceof HTMLElement)) continue
    const kept = getComputedStyle(sibling)
    room -= (pixels(kept.flexBasis) ?? pixels(kept.minWidth) ?? 0) + gap
  }
  return room
}

function pixels(value: string): number | undefined {
  return value.endsWith('px') ? parseFloat(value) : undefined
}
