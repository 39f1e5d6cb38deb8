import { useEffect, useRef } from 'react'

interface Props {
  query: string
  current: number
  total: number
  onQuery(query: string): void
  onStep(direction: 1 | -1): void
  onClose(): void
}

/** Find in article: match count, next and previous, Escape to close. */
export function FindBar({ query, current, total, onQuery, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.select(), [])
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onStep(event.shiftKey ? -1 : 1)
          if (event.key === 'Escape') onClose()
          event.stopPropagation()
        }}
      />
      <span className="find-count" aria-live="polite">
        {query === '' ? '' : total === 0 ? 'No matches' : `${current + 1} of ${total}`}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        onClick={() => onStep(-1)}
        disabled={total === 0}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        onClick={() => onStep(1)}
        disabled={total === 0}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ✕
      </button>
    </div>
  )
}
