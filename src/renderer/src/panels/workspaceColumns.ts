/** The annotations panel's width; the panes share what the two panels leave. */
export const ANNOTATIONS_WIDTH = 340

/**
 * The reading workspace's grid columns: library, its splitter, the panes, annotations. A
 * hidden panel's columns are zero wide rather than gone, so every column keeps its place
 * (the notebooks panel spans columns 1–3 whatever is folded away).
 */
export function workspaceColumns(
  libraryWidth: number,
  hidden: { library: boolean; annotations: boolean }
): string {
  const library = hidden.library ? '0 0' : `${libraryWidth}px 6px`
  const annotations = hidden.annotations ? '0' : `${ANNOTATIONS_WIDTH}px`
  return `${library} minmax(0, 1fr) ${annotations}`
}
