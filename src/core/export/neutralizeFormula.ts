/**
 * Characters that make a spreadsheet read a cell as a formula (or, with tab, CR, LF and
 * NUL, that Excel and LibreOffice strip before doing so): OWASP's CSV-injection list.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/

/**
 * A cell a spreadsheet will show as text: one that starts like a formula gets a leading
 * `'` (shown by none of them, and easy to strip), so `=HYPERLINK(…)` in an imported article
 * never runs in the analyst's Excel.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}
