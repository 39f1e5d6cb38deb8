import { useId, useState } from 'react'
import type { Claim, LinkRelation } from '../../../shared/claim'
import { LINK_RELATIONS } from '../../../shared/claim'
import { quoteOf } from './quoteOf'
import { RELATION_LABELS } from './relationWords'
import { STATUS_CUES } from './statusCues'

/** A claim the selected one can be linked to, with where it is. */
export interface LinkCandidate {
  claim: Claim
  articleTitle: string
  sourceName: string | undefined
}

interface Props {
  from: Claim
  relation: LinkRelation
  /** Claims of the other open panes first, then of the same article. */
  candidates: LinkCandidate[]
  onRelation(relation: LinkRelation): void
  onPick(candidate: LinkCandidate): void
  onCancel(): void
}

function matches(candidate: LinkCandidate, query: string): boolean {
  const text = [
    candidate.claim.quote.exact,
    candidate.claim.statement,
    candidate.articleTitle,
    candidate.sourceName ?? ''
  ]
    .join(' ')
    .toLowerCase()
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word))
}

/**
 * Link mode: the relation, and the other claim picked from a filterable list — or clicked
 * in a pane, while this is open. Esc stops linking.
 */
export function LinkPicker({ from, relation, candidates, onRelation, onPick, onCancel }: Props) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const shown = candidates.filter((candidate) => matches(candidate, query.trim()))
  const activeIndex = Math.min(active, shown.length - 1)
  return (
    <section
      className="link-picker"
      aria-label={`Link ${quoteOf(from.quote.exact)}`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        onCancel()
      }}
    >
      <h4>Link this claim</h4>
      <div className="link-relation-field">
        <label htmlFor={`${id}-relation`}>This claim</label>
        <select
          id={`${id}-relation`}
          value={relation}
          onChange={(event) => onRelation(event.target.value as LinkRelation)}
        >
          {LINK_RELATIONS.map((r) => (
            <option key={r} value={r}>
              {RELATION_LABELS[r]}
            </option>
          ))}
        </select>
        <span>the claim you pick:</span>
      </div>
      <input
        role="combobox"
        autoFocus
        aria-label="Find the other claim"
        aria-expanded={shown.length > 0}
        aria-controls={`${id}-claims`}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `${id}-claim-${activeIndex}` : undefined}
        autoComplete="off"
        placeholder="Filter, or click a claim in a pane"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActive((activeIndex + step + shown.length) % Math.max(shown.length, 1))
          } else if (event.key === 'Enter' && shown[activeIndex]) {
            event.preventDefault()
            onPick(shown[activeIndex])
          }
        }}
      />
      {shown.length === 0 ? (
        <p className="muted">
          {candidates.length === 0
            ? 'No other claims in the open articles: mark one, or open the article that has it.'
            : 'No claim matches.'}
        </p>
      ) : (
        <ul
          className="combobox-options inline"
          id={`${id}-claims`}
          role="listbox"
          aria-label="Claims"
        >
          {shown.map((candidate, index) => (
            <li
              key={candidate.claim.id}
              id={`${id}-claim-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(candidate)}
            >
              <span className={`status-sample status-${candidate.claim.status}`}>
                {STATUS_CUES[candidate.claim.status].label}
              </span>{' '}
              {quoteOf(candidate.claim.quote.exact, 80)}
              <span className="option-detail">
                {candidate.articleTitle}
                {candidate.sourceName ? ` · ${candidate.sourceName}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <button type="button" onClick={onCancel}>
          Stop linking
        </button>
      </div>
    </section>
  )
}
