import { useEffect, useState } from 'react'
import type { ArticleNote } from '../../../shared/notebook'
import { EMPTY_DOC } from '../../../shared/richText'
import { unwrap } from '../transport/unwrap'
import { AutosavedNote } from './AutosavedNote'

interface Props {
  articleId: string
  title: string
  onClose(): void
  onError(error: unknown): void
}

/** An article's own notes document, in a drawer of its pane. */
export function ArticleNotes({ articleId, title, onClose, onError }: Props) {
  const [note, setNote] = useState<ArticleNote | null | { error: string }>()

  useEffect(() => {
    let current = true
    unwrap(window.api.getArticleNote({ articleId })).then(
      (loaded) => current && setNote(loaded),
      (error: unknown) => current && setNote({ error: String((error as Error).message ?? error) })
    )
    return () => {
      current = false
    }
  }, [articleId])

  return (
    <section className="article-notes" aria-label={`Notes on ${title}`}>
      <header className="article-notes-head">
        <h3>Notes on this article</h3>
        <button type="button" aria-label={`Close the notes on ${title}`} onClick={onClose}>
          ✕
        </button>
      </header>
      {note === undefined ? (
        <p className="notebook-loading">Opening…</p>
      ) : note !== null && 'error' in note ? (
        <p role="alert" className="pane-error">
          {note.error}
        </p>
      ) : (
        <AutosavedNote
          initial={note?.doc ?? EMPTY_DOC}
          label={`Notes on ${title}`}
          placeholder="Your assessment of this article"
          className="article-notes-editor"
          save={async (doc, api) => void (await unwrap(api.saveArticleNote({ articleId, doc })))}
          onError={onError}
        />
      )}
    </section>
  )
}
