/**
 * A passage as the workbench names it in one line: “in curly quotes”, shortened to about
 * `max` characters at a word boundary.
 */
export function quoteOf(text: string, max = 48): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return `“${line}”`
  const cut = line.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `“${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…”`
}
