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
  const textArea = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
    // showModal focuses the first field, Title: Ctrl+V must go into the text box.
    textArea.current?.focus()
  }, [])
  /** An article pasted into Title by mistake goes into the text box, its lines kept. */
  const onTitlePaste = (event: React.ClipboardEvent<HTMLInputElement>): void => {
    const pasted = event.clipboardData.getData('text/plain')
    if (!/[\r\n]/.test(pasted.trim())) return
    event.preventDefault()
    setText((current) => (current.trim() === '' ? pasted : `${current}\n${pasted}`))
    textArea.current?.focus()
  }
  const submit = (): void => onImport(text, title.trim())
  return (
    <dialog ref={dialog} className="paste-dialog" aria-labelledby="paste-title" onClose={onCancel}>
      <h2 id="paste-title">New article from pasted text</h2>
      <label>
        Title
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onPaste={onTitlePaste}
          placeholder="Optional: the first line is used"
        />
      </label>
      <label>
        Text
        <textarea
          ref={textArea}
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
