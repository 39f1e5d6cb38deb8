import { useEffect, useId, useRef, useState } from 'react'
import type { NotebookMeta } from '../../../shared/notebook'
import type { PassageQuoteAttrs, RichDoc } from '../../../shared/richText'
import { formatCount } from '../format/formatCount'
import { formatTime } from '../format/formatTime'
import { unwrap } from '../transport/unwrap'
import { AutosavedNote } from './AutosavedNote'
import type { NoteEditorHandle } from './NoteEditor'

interface Props {
  notebook: NotebookMeta
  /** Quotes asked for while the notebook was loading; inserted once it is. */
  pending: readonly PassageQuoteAttrs[]
  onPendingTaken(): void
  /** Text to select and scroll to once the notebook is loaded (a search hit's words). */
  reveal: { text: string } | undefined
  onRevealTaken(): void
  /** The open editor, for quotes asked for later. */
  handle(editor: NoteEditorHandle | null): void
  onSaved(meta: NotebookMeta): void
  onRename(title: string): Promise<void>
  onTrash(): void
  onError(error: unknown): void
}

const WORDS = { one: 'word', other: 'words' }

/** One notebook open to write in: its title (renamable), its body, and whether it is saved. */
export function NotebookPage({ notebook, pending, onPendingTaken, handle, ...props }: Props) {
  const { onError, reveal, onRevealTaken } = props
  const [doc, setDoc] = useState<RichDoc | { error: string }>()
  const editor = useRef<NoteEditorHandle>(null)
  const [renaming, setRenaming] = useState<string>()
  const titleId = useId()

  useEffect(() => {
    let current = true
    unwrap(window.api.getNotebook({ id: notebook.id })).then(
      (loaded) => current && setDoc(loaded.doc),
      (error: unknown) => current && setDoc({ error: String((error as Error).message ?? error) })
    )
    return () => {
      current = false
    }
  }, [notebook.id])

  const loaded = doc !== undefined && !('error' in doc)
  useEffect(() => {
    if (!loaded || pending.length === 0 || !editor.current) return
    for (const quote of pending) editor.current.insertQuote(quote)
    onPendingTaken()
  }, [loaded, pending, onPendingTaken])

  useEffect(() => {
    if (!loaded || !reveal || !editor.current) return
    editor.current.revealText(reveal.text)
    onRevealTaken()
  }, [loaded, reveal, onRevealTaken])

  const rename = (): void => {
    const title = renaming?.trim()
    setRenaming(undefined)
    if (title && title !== notebook.title) props.onRename(title).catch(onError)
  }

  return (
    <article className="notebook-page" aria-labelledby={titleId}>
      <header className="notebook-head">
        {renaming === undefined ? (
          <h2 id={titleId}>{notebook.title}</h2>
        ) : (
          <input
            id={titleId}
            className="notebook-title-input"
            aria-label="Notebook title"
            value={renaming}
            autoFocus
            maxLength={200}
            onChange={(event) => setRenaming(event.target.value)}
            onBlur={rename}
            onKeyDown={(event) => {
              if (event.key === 'Enter') rename()
              if (event.key === 'Escape') {
                event.stopPropagation()
                setRenaming(undefined)
              }
            }}
          />
        )}
        <span className="notebook-meta">
          {formatCount(notebook.words, WORDS)} · changed {formatTime(notebook.updatedAt)}
        </span>
        <div className="row-actions">
          <button type="button" onClick={() => setRenaming(notebook.title)}>
            Rename
          </button>
          <button type="button" className="danger" onClick={props.onTrash}>
            Move to Trash
          </button>
        </div>
      </header>
      {doc === undefined ? (
        <p className="notebook-loading">Opening…</p>
      ) : 'error' in doc ? (
        <p role="alert" className="pane-error">
          {doc.error}
        </p>
      ) : (
        <AutosavedNote
          initial={doc}
          label={`Notebook ${notebook.title}`}
          placeholder="Write here. # heading, - list, > quote; Q quotes the selected highlight or claim."
          className="notebook-editor"
          handle={(instance: NoteEditorHandle | null) => {
            editor.current = instance
            handle(instance)
          }}
          save={async (body, api) =>
            props.onSaved(await unwrap(api.saveNotebook({ id: notebook.id, doc: body })))
          }
          onError={onError}
        />
      )}
    </article>
  )
}
