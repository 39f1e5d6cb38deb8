import { useEffect, useRef } from 'react'
import { isTyping } from './isTyping'
import type { Shortcut } from './shortcut'
import { matchesChord } from './shortcut'

/**
 * Runs the first entry of `shortcuts` whose chord the key is. In the desktop app the menu
 * owns the Ctrl/Cmd shortcuts (its accelerators arrive as menu commands); in a browser
 * they are handled here. Keys typed into a field, or while a dialog is open, are left alone.
 */
export function useShortcuts(menuOwnsModifiers: boolean, shortcuts: readonly Shortcut[]): void {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return
      const typing = isTyping(event.target)
      for (const shortcut of latest.current) {
        if (shortcut.menu && menuOwnsModifiers) continue
        if (typing && !shortcut.inFields) continue
        if (!shortcut.keys.some((chord) => matchesChord(chord, event))) continue
        if (shortcut.run(event) === false) continue
        event.preventDefault()
        return
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [menuOwnsModifiers])
}
