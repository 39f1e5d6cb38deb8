import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Characters typed on a keyboard go in as the editor's own transaction rather than being
 * left to the browser: a native insertion into a long contenteditable costs the browser
 * time in proportion to the whole document (Chromium's editing commands, then ProseMirror
 * reading the change back from the DOM), so a keystroke in a 50,000-word notebook took
 * several times one in a short note. Input rules (`# `, `- `, `> `) still see every
 * character (through `handleTextInput`, as ProseMirror's own path does). Composition
 * (IME, dead keys) and everything that is not one plain character stay native.
 */
export const TypedText = Extension.create({
  name: 'typedText',

  // Ctrl/Cmd+Home and End move the editor's own selection, so typing after them goes where
  // the caret is shown even when a quote was selected (the browser's move can leave the
  // editor's node selection in place, and the typed text would replace the quote).
  addKeyboardShortcuts() {
    return {
      'Mod-Home': () => this.editor.commands.focus('start'),
      'Mod-End': () => this.editor.commands.focus('end')
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedText'),
        props: {
          handleKeyPress(view, event) {
            if (view.composing || event.isComposing) return false
            if ((event.ctrlKey && !event.altKey) || event.metaKey) return false
            const text = event.key
            // One character (a surrogate pair is one), never Enter or a named key.
            if (text.length === 0 || text.length > 2 || [...text].length !== 1) return false
            if (/[\r\n]/.test(text)) return false
            const shown = caretAsShown(view)
            if (!shown) return false
            // The editor takes the caret shown first, so input rules build on it too. Moving
            // the selection drops stored marks (Ctrl+B then typing), so only when it moved.
            if (!shown.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(shown))
            const { from, to } = view.state.selection
            // As ProseMirror's own keypress handler does for a selection it inserts over.
            const insert = () => view.state.tr.insertText(text).scrollIntoView()
            const handled = view.someProp('handleTextInput', (handle) =>
              handle(view, from, to, text, insert)
            )
            if (!handled) view.dispatch(insert())
            return true
          }
        }
      })
    ]
  }
})

/**
 * The text selection the typed character goes to: where the browser shows the caret. A key
 * that moves it natively (End, arrows) is read back by ProseMirror only on the
 * `selectionchange` event, which the browser may deliver after the next key when a layout
 * is slow (a long notebook), so the editor's own selection can still be the old one.
 */
function caretAsShown(view: EditorView): TextSelection | null {
  const { selection, doc } = view.state
  if (!(selection instanceof TextSelection)) return null
  const dom = view.dom.ownerDocument.getSelection()
  if (!dom?.anchorNode || !dom.focusNode) return selection
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return selection
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset)
    if (anchor === selection.anchor && head === selection.head) return selection
    const shown = TextSelection.between(doc.resolve(anchor), doc.resolve(head))
    return shown instanceof TextSelection ? shown : selection
  } catch {
    // A DOM position ProseMirror cannot place (inside a node view's own DOM): keep its own.
    return selection
  }
}
