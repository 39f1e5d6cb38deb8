/**
 * The start of a long text, for a one-line cell of about `max` Latin characters: laying
 * out the rows in view is most of a keystroke's cost, and it grows with the characters
 * shaped, most of which a cell would hide. A wide character (Chinese, Japanese, Korean,
 * full-width forms, or one written with a surrogate pair, as emoji are) counts as two.
 * The whole text stays in the cell's title and the row's name.
 */
export function clipForCell(text: string, max: number): string {
  // Even if every character were wide, the text would fit.
  if (text.length * 2 <= max) return text
  let units = 0
  /** Where a clipped text ends: what fits in `max - 1`, leaving room for the "…". */
  let cut = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    units += isWide(code) ? 2 : 1
    if (cut < 0 && units > max - 1) {
      // Never split a surrogate pair: half of one shows as a replacement character.
      cut = code >= 0xdc00 && code <= 0xdfff ? i - 1 : i
    }
    if (units > max) return `${text.slice(0, cut)}…`
  }
  return text
}

/** Whether a code unit takes about two Latin characters' width (a surrogate: one each). */
function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    ((code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6))
  )
}
