import type { SaveState } from './Autosave'

const WORDS: Record<SaveState, { symbol: string; text: string }> = {
  saved: { symbol: '✓', text: 'Saved' },
  saving: { symbol: '…', text: 'Saving…' },
  failed: { symbol: '⚠', text: 'Not saved — retrying' }
}

/**
 * Whether the note is on disk, announced politely to screen readers as it changes; a
 * failure says why when hovered (the text stays in the editor meanwhile).
 */
export function SaveStatus({ state, problem }: { state: SaveState; problem?: string }) {
  const { symbol, text } = WORDS[state]
  return (
    <span
      className="save-state"
      data-state={state}
      role="status"
      aria-live="polite"
      title={problem}
    >
      {state !== 'saving' && <span aria-hidden="true">{symbol} </span>}
      {text}
    </span>
  )
}
