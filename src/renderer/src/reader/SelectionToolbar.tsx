import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import { selectionInside } from './selectionInside'

interface Props {
  /** The element holding the text; only a selection inside it gets the buttons. */
  text: RefObject<HTMLElement | null>
  /** The pane's scrolling body, which the buttons are placed in. */
  body: RefObject<HTMLElement | null>
  onHighlight(): void
  onClaim(): void
}

/** Highlight and Claim buttons just below a selection made in the pane's text. */
export function SelectionToolbar({ text, body, onHighlight, onClaim }: Props) {
  const [at, setAt] = useState<{ top: number; left: number }>()
  useEffect(() => {
    const update = (): void => {
      const range = selectionInside(text.current)
      const element = body.current
      if (!range || !element) return setAt(undefined)
      const rect = range.getBoundingClientRect()
      const frame = element.getBoundingClientRect()
      setAt({
        top: rect.bottom - frame.top + element.scrollTop + 6,
        left: Math.min(Math.max(rect.left - frame.left, 8), frame.width - 180)
      })
    }
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [text, body])
  if (!at) return null
  // The buttons must not take the focus (and so the selection) from the text when pressed.
  return (
    <div className="selection-toolbar" style={at}>
      <button
        type="button"
        title="Highlight (H)"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onHighlight}
      >
        Highlight
      </button>
      <button
        type="button"
        title="Mark as a claim (C)"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClaim}
      >
        Claim
      </button>
    </div>
  )
}
