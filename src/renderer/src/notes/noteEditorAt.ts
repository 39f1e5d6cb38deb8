import type { Editor } from '@tiptap/core'

/** The open note editors by their editable element, for the keys that reach them from outside. */
const editors = new WeakMap<Element, Editor>()

export function rememberNoteEditor(element: Element, editor: Editor): void {
  editors.set(element, editor)
}

export function forgetNoteEditor(element: Element): void {
  editors.delete(element)
}

/** The note editor `element` is in (the focused one, say), if any. */
export function noteEditorAt(element: Element | null): Editor | undefined {
  const editable = element?.closest('.ProseMirror')
  return editable ? editors.get(editable) : undefined
}
