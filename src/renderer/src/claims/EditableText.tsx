import { useId, useState } from 'react'

interface Props {
  label: string
  value: string
  placeholder?: string
  onCommit(value: string): void
}

/**
 * A one-line text field that saves when the analyst presses Enter or leaves it, so one
 * edit is one undoable change, not one per keystroke. Esc puts back the saved text.
 */
export function EditableText({ label, value, placeholder, onCommit }: Props) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  // A change from elsewhere (undo, another view) replaces the draft.
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    setDraft(value)
  }
  const commit = (): void => {
    if (draft !== value) onCommit(draft)
  }
  return (
    <div className="editable-text">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && draft !== value) {
            event.stopPropagation()
            setDraft(value)
          } else if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          }
        }}
      />
    </div>
  )
}
