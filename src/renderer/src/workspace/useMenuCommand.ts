import { useCallback, useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../shared/menuCommands'
import { fieldUndo } from '../notes/fieldUndo'
import { isTyping } from './isTyping'

/** What each menu command does; Undo and Redo share one action. */
export type MenuActions = Record<Exclude<MenuCommand, 'undo' | 'redo'>, () => void> & {
  undoRedo(command: 'undo' | 'redo'): void
}

/**
 * Runs a command of the desktop app's menu (or a Ctrl/Cmd key the page's table maps to
 * one): one stable function that runs the latest `actions`. Menu accelerators arrive even
 * while a dialog is open: the dialog has the keys then. In a text field Undo and Redo are
 * about the typing.
 */
export function useMenuCommand(actions: MenuActions): (command: MenuCommand) => void {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  return useCallback((command: MenuCommand) => {
    if (command === 'undo' || command === 'redo') {
      if (isTyping(document.activeElement)) fieldUndo(command)
      else if (!document.querySelector('dialog[open]')) latest.current.undoRedo(command)
      return
    }
    if (document.querySelector('dialog[open]')) return
    latest.current[command]()
  }, [])
}
