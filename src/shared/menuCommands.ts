/**
 * The commands the desktop app's menu sends to the page, each with the key it shares with
 * the page's shortcut table: the menu shows (and, for Ctrl/Cmd chords, registers) exactly
 * the chord the page's key handler and shortcut sheet use, from this one table.
 *
 * Chords are written as the page's `matchesChord` reads them: `Mod` (Ctrl, or Cmd on a
 * Mac), `Shift`, `Alt`, then a letter, a digit or `?`.
 */
export const MENU_CHORDS = {
  import: 'Mod+O',
  paste: 'Mod+Shift+V',
  export: 'Mod+Shift+E',
  exportPdf: undefined,
  restore: undefined,
  undo: 'Mod+Z',
  redo: 'Mod+Shift+Z',
  find: 'Mod+F',
  'view-reader': 'Mod+1',
  'view-board': 'Mod+2',
  'view-sources': 'Mod+3',
  'view-notebooks': 'Mod+4',
  'toggle-library': 'Shift+L',
  'toggle-annotations': 'Shift+R',
  shortcuts: '?'
} as const satisfies Record<string, string | undefined>

export type MenuCommand = keyof typeof MENU_CHORDS

/**
 * A chord as an Electron accelerator, and whether the menu may register it: a chord
 * without Ctrl/Cmd (Shift+L, ?) is only shown, since a registered one would also fire
 * while the analyst types a capital L into a note. The page handles those keys itself.
 */
export function acceleratorOf(chord: string): {
  accelerator: string
  registerAccelerator: boolean
} {
  const withModifier = chord.startsWith('Mod+')
  return {
    accelerator: chord.replace(/^Mod\+/, 'CmdOrCtrl+'),
    registerAccelerator: withModifier
  }
}
