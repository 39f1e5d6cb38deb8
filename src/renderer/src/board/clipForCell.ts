/**
 * The start of a long text, for a one-line cell: laying out the rows in view is most of
 * a keystroke's cost, and it grows with the characters shaped, most of which a cell
 * would hide. The whole text stays in the cell's title and the row's name.
 */
export function clipForCell(text: string, max: number): string {
  if (text.length <= max) return text
  // Never split a surrogate pair: half of one shows as a replacement character.
  const code = text.charCodeAt(max - 1)
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max
  return `${text.slice(0, end)}…`
}
