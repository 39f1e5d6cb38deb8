import { noteEditorAt } from './noteEditorAt'

/**
 * Undo or redo for the text field with the focus, when the menu's Ctrl/Cmd+Z arrives while
 * typing: a note editor has its own history; a plain field has the browser's.
 */
export function fieldUndo(command: 'undo' | 'redo'): void {
  const editor = noteEditorAt(document.activeElement)
  if (editor) editor.commands[command]()
  else document.execCommand(command)
}
