import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { CLAIM_STATUSES } from '../../../shared/claim'
import type { SearchGroup, SearchHit, SearchKind } from '../../../shared/search'
import { SEARCH_KINDS } from '../../../shared/search'
import type { Source } from '../../../shared/source'
import { STATUS_CUES } from '../claims/statusCues'
import { formatCount } from '../format/formatCount'
import { lineLanguage } from '../reader/cjkLanguage'
import type { PanelFilters } from './searchFilters'
import { KIND_LABELS, NO_FILTERS } from './searchFilters'
import { useSearchResults } from './useSearchResults'
import './search.css'

interface Props {
  /** The registry's sources, for the source filter. */
  sources: readonly Source[]
  onOpen(hit: SearchHit, group: SearchGroup, beside: boolean): void
  onClose(): void
  onError(error: unknown): void
}

const optionId = (group: number, hit: number): string => `search-hit-${group}-${hit}`

/**
 * One search box over the whole library (Ctrl/Cmd+K): results grouped by article, each hit
 * with its snippet and the hit words marked. The box is a combobox over the results'
 * listbox: ↑/↓ choose a hit, Enter opens it, Shift+Enter beside the current pane, Esc closes.
 */
export function SearchPanel({ sources, onOpen, onClose, onError }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<PanelFilters>(NO_FILTERS)
  /** The chosen hit, for the answer it was chosen in: a new answer starts at its first hit. */
  const [chosen, setChosen] = useState<{ in?: object; at: number }>({ at: 0 })
  const { answer, searching } = useSearchResults(query, filters, onError)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const hits = useMemo(
    () =>
      (answer?.groups ?? []).flatMap((group, g) =>
        group.hits.map((hit, h) => ({ hit, group, id: optionId(g, h) }))
      ),
    [answer]
  )
  const active = chosen.in === answer ? chosen.at : 0
  const current = hits[Math.min(active, hits.length - 1)]

  useEffect(() => {
    if (current) document.getElementById(current.id)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const filter = <K extends keyof PanelFilters>(key: K, value: PanelFilters[K]): void =>
    setFilters((f) => ({ ...f, [key]: value }))

  return (
    <dialog
      ref={dialog}
      className="search-panel"
      aria-labelledby="search-panel-title"
      onClose={onClose}
    >
      <h2 id="search-panel-title" className="search-title">
        Search the library
      </h2>
      <input
        type="search"
        className="search-box"
        role="combobox"
        aria-label="Search articles, highlights, claims, notes, notebooks and sources"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={current?.id}
        placeholder="Words, a prefix, or a “quoted phrase”"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setChosen({ in: answer, at: Math.max(0, Math.min(hits.length - 1, active + step)) })
          } else if (event.key === 'Escape') {
            // One Esc closes, rather than first clearing the box as a search field does.
            event.preventDefault()
            dialog.current?.close()
          } else if (event.key === 'Enter' && current) {
            event.preventDefault()
            onOpen(current.hit, current.group, event.shiftKey)
          }
        }}
      />
      <fieldset className="search-filters">
        <legend>Filters</legend>
        <label>
          Kind
          <select
            value={filters.kind}
            onChange={(event) => filter('kind', event.target.value as SearchKind | '')}
          >
            <option value="">All kinds</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}s
              </option>
            ))}
          </select>
        </label>
        <label>
          Claim status
          <select
            value={filters.status}
            onChange={(event) => filter('status', event.target.value as PanelFilters['status'])}
          >
            <option value="">Any</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_CUES[status].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <input
            type="text"
            value={filters.tag}
            size={10}
            onChange={(event) => filter('tag', event.target.value)}
          />
        </label>
        <label>
          Source
          <select
            value={filters.sourceId}
            onChange={(event) => filter('sourceId', event.target.value)}
          >
            <option value="">Any</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Imported from
          <input
            type="date"
            value={filters.from}
            onChange={(event) => filter('from', event.target.value)}
          />
        </label>
        <label>
          to
          <input
            type="date"
            value={filters.to}
            onChange={(event) => filter('to', event.target.value)}
          />
        </label>
      </fieldset>
      <p className="search-status" role="status">
        {statusLine(query, answer, searching)}
      </p>
      <div id="search-results" className="search-results" role="listbox" aria-label="Results">
        {(answer?.groups ?? []).map((group, g) => (
          <div
            key={group.articleId ?? `${group.hits[0]?.kind}:${group.hits[0]?.id}`}
            role="group"
            aria-labelledby={`search-group-${g}`}
            className="search-group"
          >
            <div id={`search-group-${g}`} className="search-group-title" role="presentation">
              {group.title}
            </div>
            {group.hits.map((hit, h) => {
              const id = optionId(g, h)
              return (
                <div
                  key={id}
                  id={id}
                  role="option"
                  aria-selected={current?.id === id}
                  className="search-hit"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={(event) => onOpen(hit, group, event.shiftKey)}
                >
                  <span className="search-hit-kind">{KIND_LABELS[hit.kind]}</span>
                  <span className="search-snippet" lang={lineLanguage(hit.snippet, false)}>
                    {marked(hit)}
                  </span>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <p className="search-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> opens at the passage ·{' '}
        <kbd>Shift+Enter</kbd> beside · <kbd>Esc</kbd> closes
      </p>
    </dialog>
  )
}

const PASSAGES = { one: 'passage', other: 'passages' }
const ARTICLES = { one: 'article', other: 'articles' }
/** Articles, notebooks and sources, when the groups are not all articles. */
const PLACES = { one: 'article or document', other: 'articles and documents' }

function statusLine(
  query: string,
  answer: ReturnType<typeof useSearchResults>['answer'],
  searching: boolean
): string {
  const progress = answer?.progress
  const indexing =
    progress && (progress.state === 'rebuilding' || progress.state === 'catching-up')
      ? `Indexing the library: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} articles; results so far. `
      : progress?.state === 'loading' || progress?.state === 'idle'
        ? 'Loading the search index… '
        : ''
  if (!query.trim()) return `${indexing}Type to search.`
  if (!answer) return searching ? 'Searching…' : ''
  const found = answer.groups.length
  if (found === 0) return `${indexing}Nothing found.`
  // The passages listed: a group lists its best few, so this is not every occurrence.
  const shown = answer.groups.reduce((sum, group) => sum + group.hits.length, 0)
  const words = answer.groups.every((group) => group.articleId !== undefined) ? ARTICLES : PLACES
  const where =
    answer.total > found
      ? `the best ${found.toLocaleString('en')} of ${formatCount(answer.total, words)}`
      : formatCount(found, words)
  return `${indexing}${formatCount(shown, PASSAGES)} in ${where}.`
}

/** The snippet with its marks as `<mark>`. */
function marked(hit: SearchHit): ReactNode[] {
  const parts: ReactNode[] = []
  let at = 0
  for (const [i, mark] of hit.marks.entries()) {
    if (mark.start > at) parts.push(hit.snippet.slice(at, mark.start))
    parts.push(<mark key={i}>{hit.snippet.slice(mark.start, mark.end)}</mark>)
    at = mark.end
  }
  if (at < hit.snippet.length) parts.push(hit.snippet.slice(at))
  return parts
}
