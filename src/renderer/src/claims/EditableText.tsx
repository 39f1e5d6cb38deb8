import { useId, useState } from 'react'

interface Props {
  label: string
  value: string
  placeholder?: string
  /** A textarea (Enter is a new line) instead of one line (Enter saves). */
  multiline?: boolean
  onCommit(value: string): void
}

/**
 * A text field that saves when the analyst leaves it (or presses Enter on one line), so
 * one edit is one undoable change, not one per keystroke. Esc puts back the saved text.
 */
export function EditableText({ label, value, placeholder, multiline, onCommit }: Props) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  // A change from elsewhere (undo, another window) replaces the draft.
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    setDraft(value)
  }
  const commit = (): void => {
    if (draft !== value) onCommit(draft)
  }
  const common = {
    id,
    value: draft,
    placeholder,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setDraft(event.target.value),
    onBlur: commit,
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Escape' && draft !== value) {
        event.stopPropagation()
        setDraft(value)
      } else if (event.key === 'Enter' && !multiline) {
        event.preventDefault()
        commit()
      }
    }
  }
  return (
    <div className="editable-text">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </div>
  )
}
