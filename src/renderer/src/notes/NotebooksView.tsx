import { useEffect, useState } from 'react'
import type { NotebookMeta } from '../../../shared/notebook'
import type { PassageQuoteAttrs } from '../../../shared/richText'
import { formatCount } from '../format/formatCount'
import { formatTime } from '../format/formatTime'
import type { NoteEditorHandle } from './NoteEditor'
import { NotebookPage } from './NotebookPage'
import { flushAllNotes } from './openNotes'
import type { useNotebooks } from './useNotebooks'

interface Props {
  notebooks: ReturnType<typeof useNotebooks>
  openId: string | undefined
  onOpen(id: string | undefined): void
  onCreate(): void
  pending: readonly PassageQuoteAttrs[]
  onPendingTaken(): void
  reveal: { text: string } | undefined
  onRevealTaken(): void
  handle(editor: NoteEditorHandle | null): void
  /** Whether the view is mounted (so its open notebook's editor takes quotes). */
  onMounted(mounted: boolean): void
  onError(error: unknown): void
  say(text: string): void
}

const WORDS = { one: 'word', other: 'words' }

/**
 * The library's notebooks: a list (or the Trash's) beside the open one. New, rename, move to
 * the Trash and restore; the Trash is emptied with the library's ("Empty Trash…").
 */
export function NotebooksView({ notebooks, openId, onOpen, ...props }: Props) {
  const [trash, setTrash] = useState(false)
  const { onMounted } = props
  useEffect(() => {
    onMounted(true)
    return () => onMounted(false)
  }, [onMounted])
  const list = trash ? notebooks.trashed : notebooks.live
  const open = notebooks.live.find((n) => n.id === openId)

  const row = (notebook: NotebookMeta) => (
    <li key={notebook.id}>
      {trash ? (
        <div className="notebook-row">
          <span className="notebook-row-title">{notebook.title}</span>
          <button
            type="button"
            aria-label={`Restore ${notebook.title}`}
            onClick={() =>
              notebooks
                .restore([notebook.id])
                .then(() => props.say(`Restored “${notebook.title}”.`), props.onError)
            }
          >
            Restore
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="notebook-row"
          aria-current={notebook.id === openId ? 'page' : undefined}
          onClick={() => onOpen(notebook.id)}
        >
          <span className="notebook-row-title">{notebook.title}</span>
          <span className="notebook-row-meta">
            {formatCount(notebook.words, WORDS)} · {formatTime(notebook.updatedAt)}
          </span>
        </button>
      )}
    </li>
  )

  return (
    <section className="notebooks" aria-label="Notebooks">
      <nav className="notebook-list" aria-label="Notebook list">
        <div className="notebook-tools">
          <button type="button" className="primary" data-view-focus onClick={props.onCreate}>
            New notebook
          </button>
          <button type="button" aria-pressed={trash} onClick={() => setTrash((t) => !t)}>
            Trash ({notebooks.trashed.length})
          </button>
        </div>
        {list.length === 0 ? (
          <p className="empty">
            {trash
              ? 'No notebooks in the Trash.'
              : 'No notebooks yet. Start one, or press Q on a highlight or claim to quote it in a new one.'}
          </p>
        ) : (
          <ul aria-label={trash ? 'Notebooks in the Trash' : 'Notebooks'}>{list.map(row)}</ul>
        )}
      </nav>
      {open ? (
        <NotebookPage
          key={open.id}
          notebook={open}
          pending={props.pending}
          onPendingTaken={props.onPendingTaken}
          reveal={props.reveal}
          onRevealTaken={props.onRevealTaken}
          handle={props.handle}
          onSaved={notebooks.put}
          onRename={async (title) => void (await notebooks.rename(open.id, title))}
          onTrash={() => {
            // Its last words are saved before it goes: the Trash refuses edits.
            flushAllNotes()
              .then(() => {
                onOpen(undefined)
                return notebooks.trash([open.id])
              })
              .then(
                () => props.say(`Moved “${open.title}” to the Trash; restore it from there.`),
                props.onError
              )
          }}
          onError={props.onError}
        />
      ) : (
        <div className="notebook-page notebook-none">
          <p>Open a notebook from the list, or start a new one.</p>
        </div>
      )}
    </section>
  )
}
