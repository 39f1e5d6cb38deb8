/**
 * One key of the workbench: what the key handler runs and what the shortcut sheet shows,
 * from the same entry, so the sheet cannot drift from what the keys do.
 */
export interface Shortcut {
  /**
   * Chords as `matchesChord` reads them: modifiers `Mod` (Ctrl, or Cmd on a Mac), `Shift`
   * and `Alt`, then a letter, a digit, `?` or a key name (`Delete`, `Escape`).
   */
  keys: readonly string[]
  /** How the sheet writes the keys when listing each would be long, e.g. "1–6". */
  label?: string
  description: string
  /** When the key acts, in the sheet's words ("a claim is selected"); always if absent. */
  when?: string
  /** The sheet's section. */
  group: string
  /** A Ctrl/Cmd key of the desktop app's menu: there the menu handles it, not this table. */
  menu?: boolean
  /** Also acts while the focus is in a text field. */
  inFields?: boolean
  /** Does what the key does; `false` when it did not apply, so the key keeps its meaning. */
  run(event: KeyboardEvent): boolean | void
}

/** Whether `event` is the chord, with exactly its modifiers. */
export function matchesChord(chord: string, event: KeyboardEvent): boolean {
  const parts = chord.split('+')
  const key = parts.pop() ?? ''
  const mod = parts.includes('Mod')
  const shift = parts.includes('Shift')
  if (event.ctrlKey || event.metaKey ? !mod : mod) return false
  if (event.altKey !== parts.includes('Alt')) return false
  // "?" is typed with Shift on most layouts, and Shift+digit is read from the physical key:
  // event.key would be "!" or "&" depending on the layout.
  if (key === '?') return event.key === '?'
  if (event.shiftKey !== shift) return false
  if (/^[0-9]$/.test(key)) return shift ? event.code === `Digit${key}` : event.key === key
  if (/^[A-Z]$/.test(key)) return event.key.toUpperCase() === key
  return event.key === key
}

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A chord as the sheet writes it: "Ctrl+Shift+Z", or "Cmd+Shift+Z" on a Mac. */
export function displayChord(chord: string): string {
  return chord.replace(/^Mod\+/, MAC ? 'Cmd+' : 'Ctrl+')
}
