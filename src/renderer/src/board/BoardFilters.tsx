import { memo, useMemo } from 'react'
import { CLAIM_STATUSES } from '../../../shared/claim'
import { STATUS_CUES } from '../claims/statusCues'
import type { BoardFacets } from './filterBoardEntries'
import { NO_CLAIMANT } from './filterBoardEntries'
import type { BoardIndex } from './indexBoardRows'

interface Props {
  index: BoardIndex
  /** How many claims stand at each status, for the status filter's options. */
  statusCounts: ReadonlyMap<string, number>
  text: string
  facets: BoardFacets
  /** "50,000 claims", "12 of 50,000 claims". */
  count: string
  /** Whether the claims that pass are still being counted. */
  counting: boolean
  onText(text: string): void
  onFacets(change: (facets: BoardFacets) => BoardFacets): void
  /** ↓ in the text filter: on to the rows. */
  onDown(): void
}

/** The board's filters: text, status, tag and claimant, and how many claims pass. */
export const BoardFilters = memo(function BoardFilters(props: Props) {
  const { index, facets } = props
  // The same elements each keystroke (the count changes, the lists do not): React skips
  // them instead of comparing some 600 claimants' options.
  const tagOptions = useMemo(
    () =>
      index.tags.map((tag) => (
        <option key={tag} value={tag}>
          {tag}
        </option>
      )),
    [index]
  )
  const sourceOptions = useMemo(
    () =>
      index.sources.map((source) => (
        <option key={source.id} value={source.id}>
          {source.name}
        </option>
      )),
    [index]
  )
  return (
    <div className="view-tools">
      <input
        type="search"
        aria-label="Filter claims"
        data-view-focus
        placeholder="Filter by passage, statement, claimant, article"
        value={props.text}
        onChange={(event) => props.onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return
          event.preventDefault()
          props.onDown()
        }}
      />
      <select
        aria-label="Filter by status"
        value={facets.status}
        onChange={(event) =>
          props.onFacets((f) => ({ ...f, status: event.target.value as BoardFacets['status'] }))
        }
      >
        <option value="">All statuses</option>
        {CLAIM_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_CUES[status].label} ({props.statusCounts.get(status) ?? 0})
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by tag"
        value={facets.tag}
        onChange={(event) => props.onFacets((f) => ({ ...f, tag: event.target.value }))}
      >
        <option value="">All tags</option>
        {tagOptions}
      </select>
      <select
        aria-label="Filter by claimant"
        value={facets.claimant}
        onChange={(event) => props.onFacets((f) => ({ ...f, claimant: event.target.value }))}
      >
        <option value="">All claimants</option>
        <option value={NO_CLAIMANT}>No claimant</option>
        {sourceOptions}
      </select>
      <span className="view-count" aria-live="polite" aria-busy={props.counting}>
        {props.count}
      </span>
    </div>
  )
})
