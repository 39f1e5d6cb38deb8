import { useEffect, useRef, useState } from 'react'

interface Props {
  onImport(text: string, title: string): void
  onCancel(): void
}

/**
 * New article from the clipboard: the user pastes into a text box, so no clipboard
 * permission is ever needed.
 */
export function PasteDialog({ onImport, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  const submit = (): void => onImport(text, title.trim())
  return (
    <dialog ref={dialog} className="paste-dialog" aria-labelledby="paste-title" onClose={onCancel}>
      <h2 id="paste-title">New article from pasted text</h2>
      <label>
        Title
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Optional: the first line is used"
        />
      </label>
      <label>
        Text
        <textarea
          autoFocus
          rows={14}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Paste the article here (Ctrl+V)"
        />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={text.trim() === ''} onClick={submit}>
          Import
        </button>
      </div>
    </dialog>
  )
}
