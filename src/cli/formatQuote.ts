/** A passage on one line in curly quotes: white space collapsed, cut at `max` characters. */
export function formatQuote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim()
  const chars = [...line]
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line}”`
}
