/** CRLF and lone CR become LF, so offsets mean the same on every platform. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
