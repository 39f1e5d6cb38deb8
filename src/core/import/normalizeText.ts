/**
 * Line breaks become LF, so offsets mean the same on every platform and for every way the
 * same article was saved: CRLF and lone CR (old Mac) become LF; U+2028 LINE SEPARATOR
 * becomes LF and U+2029 PARAGRAPH SEPARATOR a blank line, because renderers disagree on
 * showing them and an analyst cannot tell them from LF. Nothing else is changed.
 */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?|\u2028/g, '\n').replace(/\u2029/g, '\n\n')
}
