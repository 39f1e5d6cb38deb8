/** Chromium lays out one enormous text run very slowly; longer runs are split for display. */
export const MAX_CHUNK = 1000

export interface DisplayLine {
  start: number
  chunks: { start: number; text: string }[]
}

/**
 * Splits stored text into lines, and long lines into chunks of at most MAX_CHUNK
 * characters, preferably after a space and never inside a surrogate pair. Offsets stay
 * those of the stored text; the text itself is not changed.
 */
export function splitForDisplay(text: string): DisplayLine[] {
  const lines: DisplayLine[] = []
  let lineStart = 0
  for (const line of text.split('\n')) {
    const chunks: DisplayLine['chunks'] = []
    for (let from = 0; from < line.length;) {
      let to = Math.min(line.length, from + MAX_CHUNK)
      if (to < line.length) {
        const space = line.lastIndexOf(' ', to)
        if (space > from + MAX_CHUNK / 2) to = space + 1
        const code = line.charCodeAt(to - 1)
        if (code >= 0xd800 && code <= 0xdbff) to -= 1
      }
      chunks.push({ start: lineStart + from, text: line.slice(from, to) })
      from = to
    }
    lines.push({ start: lineStart, chunks })
    lineStart += line.length + 1
  }
  return lines
}
