import { useEffect, useRef } from 'react'
import type { HighlightColor } from '../../../shared/annotation'
import type { MenuCommand } from '../../../shared/hostEvents'
import { isTyping } from './isTyping'

export interface ShortcutActions {
  command(command: MenuCommand): void
  highlight(): void
  color(color: HighlightColor): void
  /** Deletes the selected highlights; false when none is selected. */
  deleteSelected(): boolean
  clearSelection(): void
}

/**
 * The workbench's keys. In the desktop app the menu owns the Ctrl/Cmd shortcuts (its
 * accelerators arrive as menu commands); in a browser they are handled here. Keys typed
 * into a field, or while a dialog is open, are left alone.
 */
export function useShortcuts(menuOwnsModifiers: boolean, actions: ShortcutActions): void {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return
      const act = latest.current
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && !menuOwnsModifiers) {
        const command: MenuCommand | undefined =
          key === 'z' && !isTyping(event.target)
            ? event.shiftKey
              ? 'redo'
              : 'undo'
            : key === 'y' && !isTyping(event.target)
              ? 'redo'
              : key === 'f'
                ? 'find'
                : key === 'v' && event.shiftKey
                  ? 'paste'
                  : key === 'o'
                    ? 'import'
                    : undefined
        if (command) {
          event.preventDefault()
          act.command(command)
        }
        return
      }
      if (mod || event.altKey || isTyping(event.target)) return
      if (key === 'h') {
        event.preventDefault()
        act.highlight()
      } else if (/^[1-6]$/.test(key)) {
        event.preventDefault()
        act.color(Number(key) as HighlightColor)
      } else if (key === 'delete' || key === 'backspace') {
        if (act.deleteSelected()) event.preventDefault()
      } else if (key === 'escape') act.clearSelection()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [menuOwnsModifiers])
}
