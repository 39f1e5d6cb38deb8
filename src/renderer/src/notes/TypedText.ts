import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'

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
            const { selection } = view.state
            if (!(selection instanceof TextSelection)) return false
            const { from, to } = selection
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
