/** C0 controls but tab and line feed, DEL, and the C1 controls (CSI 0x9b among them). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f]/g

/**
 * Text for a terminal: an imported article's title or quote can hold escape sequences
 * (hide text, rewrite the window title, erase lines of a listing), so every control
 * character but tab and line feed is shown as its symbol (ESC as ␛, CR as ␍) instead of
 * reaching the terminal. `--json` output is JSON-escaped already.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0)
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '␡' : '\uFFFD'
  })
}

/** A table cell or one-line field: its tabs and line breaks shown too (␉, ␊), on one line. */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/[\t\n]/g, (c) => (c === '\t' ? '␉' : '␊'))
}
