import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import type { ReactNode, Ref } from 'react'
import type { PassageQuoteAttrs, RichDoc } from '../../../shared/richText'
import { PassageQuoteAttrs as PassageQuoteSchema } from '../../../shared/richText'
import { noteExtensions } from './noteExtensions'
import { forgetNoteEditor, rememberNoteEditor } from './noteEditorAt'
import { NoteToolbar } from './NoteToolbar'
import { openLink } from './openLink'
import { PASSAGE_MIME } from './passageDrag'
import { richDocOf } from './toRichDoc'
import './notes.css'

/**
 * Top-level blocks from which a notebook's blocks out of view are not drawn: about 14,000
 * words. Below it every block is drawn, so all of the text is in the accessibility tree
 * (Chromium leaves the text of blocks it skips out of it until they come into view).
 */
const LONG_BLOCKS = 200

/** What the workbench can ask of an open editor. */
export interface NoteEditorHandle {
  /** Puts a quoted passage at the caret, or at the end if the editor was never used. */
  insertQuote(quote: PassageQuoteAttrs): void
  focus(): void
  /**
   * Selects the first occurrence of `text` (case aside) and scrolls to it, with the focus;
   * false, with the focus at the start, when no single run of text holds it.
   */
  revealText(text: string): boolean
}

interface Props {
  /** The note when the editor opens; the editor owns the text from then on. */
  initial: RichDoc
  /** The accessible name of the text, e.g. "Note on the highlight". */
  label: string
  placeholder?: string
  /** The text changed; `read` gives it as a note, only when asked (a save is about to start). */
  onChange(read: () => RichDoc): void
  handle?: Ref<NoteEditorHandle>
  /** Beside the formatting buttons, e.g. the save state. */
  status?: ReactNode
  className?: string
}

/**
 * A rich-text note (TipTap): the starter kit's formatting with Markdown shortcuts, links
 * that open outside the app (Ctrl/Cmd+click or "Open link"), quoted passages that lead back
 * to the article, and its own undo. Passages dragged from the annotations panel drop in.
 */
export function NoteEditor({
  initial,
  label,
  placeholder,
  onChange,
  handle,
  status,
  className
}: Props) {
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  })
  const extensions = useMemo(() => noteExtensions(), [])

  const editor = useEditor({
    extensions,
    // A document with no blocks is valid as stored, not for ProseMirror (which wants one).
    content: initial.content?.length ? initial : null,
    // The page's CSP allows no inline <style>; the editor's few rules are in notes.css.
    injectCSS: false,
    editorProps: {
      attributes: (state) => {
        // Checked in constant time: this runs on every keystroke of a long notebook.
        const only = state.doc.childCount === 1 ? state.doc.firstChild : null
        const empty =
          state.doc.childCount === 0 ||
          (only !== null && only.isTextblock && only.content.size === 0)
        return {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'note-prose',
          ...(placeholder ? { 'data-placeholder': placeholder } : {}),
          ...(empty ? { 'data-empty': '' } : {}),
          // Long enough that the blocks out of view are left undrawn (notes.css).
          ...(state.doc.childCount > LONG_BLOCKS ? { 'data-long': '' } : {})
        }
      },
      handleClick: (_view, _pos, event) => {
        if (!(event.ctrlKey || event.metaKey)) return false
        const anchor = (event.target as HTMLElement | null)?.closest('a[href]')
        if (!anchor) return false
        openLink(anchor.getAttribute('href') ?? '')
        return true
      },
      handleDrop: (view, event) => {
        const data = event.dataTransfer?.getData(PASSAGE_MIME)
        if (!data) return false
        let parsed: unknown
        try {
          parsed = JSON.parse(data)
        } catch {
          return false
        }
        const quote = PassageQuoteSchema.safeParse(parsed)
        if (!quote.success) return false
        event.preventDefault()
        // The quote is a block of its own: it goes after the block it is dropped on.
        const { doc, schema, tr } = view.state
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
        const $pos = doc.resolve(at?.pos ?? doc.content.size)
        const pos = $pos.depth >= 1 ? $pos.after(1) : $pos.pos
        view.dispatch(tr.insert(pos, schema.nodes.passageQuote!.create(quote.data)))
        return true
      }
    },
    // Read when a save starts, block by block: only the blocks changed since are converted.
    onUpdate: ({ editor: changed }) => latest.current(() => richDocOf(changed.state.doc))
  })

  useEffect(() => {
    const element = editor.view.dom
    rememberNoteEditor(element, editor)
    return () => forgetNoteEditor(element)
  }, [editor])

  useImperativeHandle(
    handle,
    () => ({
      insertQuote(quote) {
        // After the selection, never over it: a selected quote or words stay.
        const { selection, doc } = editor.state
        const used = editor.isFocused || selection.from > 1
        editor.commands.insertContentAt(used ? selection.to : doc.content.size, {
          type: 'passageQuote',
          attrs: quote
        })
      },
      focus: () => editor.commands.focus(),
      revealText(text) {
        const needle = text.toLowerCase()
        let found: { from: number; to: number } | undefined
        editor.state.doc.descendants((node, pos) => {
          if (found) return false
          const at = node.isText ? node.text!.toLowerCase().indexOf(needle) : -1
          if (at >= 0) found = { from: pos + at, to: pos + at + text.length }
          return !node.isText
        })
        if (!found) editor.commands.focus('start')
        else editor.chain().focus().setTextSelection(found).scrollIntoView().run()
        return found !== undefined
      }
    }),
    [editor]
  )

  return (
    <div className={`note-editor${className ? ` ${className}` : ''}`}>
      <NoteToolbar editor={editor} label={label} status={status} />
      <EditorContent editor={editor} />
    </div>
  )
}
