/** The page's selection as a Range, when it is non-empty and lies inside `container`. */
export function selectionInside(container: HTMLElement | null): Range | undefined {
  const selected = window.getSelection()
  if (!container || !selected || selected.isCollapsed || selected.rangeCount === 0) return undefined
  const range = selected.getRangeAt(0)
  return container.contains(range.commonAncestorContainer) ? range : undefined
}
