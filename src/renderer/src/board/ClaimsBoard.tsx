import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ClaimBoardRow } from '../../../shared/claim'
import type { UndoStack } from '../annotations/UndoStack'
import { formatCount } from '../format/formatCount'
import { today } from '../format/formatTime'
import { useVirtualRows } from '../workspace/useVirtualRows'
import { BoardFilters } from './BoardFilters'
import type { BoardSort } from './BoardHeader'
import { BoardHeader } from './BoardHeader'
import { BoardRow } from './BoardRow'
import { cellChars } from './cellChars'
import type { BoardFacets } from './filterBoardEntries'
import { filterByFacets } from './filterBoardEntries'
import type { BoardEntry } from './indexBoardRows'
import { indexBoardRows } from './indexBoardRows'
import { sortBoardEntries } from './sortBoardEntries'
import { TextNarrowing } from './TextNarrowing'
import { useClaimBoardRows } from './useClaimBoardRows'
import { useCountInIdleTime } from './useCountInIdleTime'
import { useSearchIndexInIdleTime } from './useSearchIndexInIdleTime'
import './board.css'

interface Props {
  /** Whether the board is on screen. */
  shown: boolean
  /** Claims are fetched again after every action on it, and when the articles change. */
  undoStack: UndoStack
  libraryVersion: number
  /** Opens the claim's article at its passage, in the current pane or beside it. */
  onOpen(row: ClaimBoardRow, beside: boolean): void
  onError(error: unknown): void
}

/** Rows are one line of fixed height, so only those in view are in the DOM. */
const ROW_HEIGHT = 28
const OVERSCAN = 2
const CLAIMS = { one: 'claim', other: 'claims' }

/**
 * Every claim of the library in one table, used like the library: sort by any column,
 * filter by text, status, tag and claimant, arrows move, Enter opens the article at the
 * passage (Shift+Enter beside the current pane). Windowed and memoised for 50,000 claims:
 * a keystroke in the filter searches precomputed keys and renders a few dozen rows.
 */
export function ClaimsBoard({ shown, undoStack, libraryVersion, onOpen, onError }: Props) {
  const rows = useClaimBoardRows({ shown, undoStack, libraryVersion, onError })
  const [sort, setSort] = useState<BoardSort>({
    key: 'updatedAt',
    descending: true
  })
  const [text, setText] = useState('')
  const [facets, setFacets] = useState<BoardFacets>({ status: '', tag: '', claimant: '' })
  const [cursor, setCursor] = useState<string>()

  const index = useMemo(() => indexBoardRows(rows ?? []), [rows])
  useSearchIndexInIdleTime(index)
  const sorted = useMemo(
    () => sortBoardEntries(index.entries, sort.key, sort.descending),
    [index, sort]
  )
  const faceted = useMemo(
    () => filterByFacets(sorted, index.entries, facets),
    [sorted, index, facets]
  )
  const narrowing = useMemo(() => new TextNarrowing(faceted, index), [faceted, index])
  const needle = text.trim().toLowerCase()
  const visible = useMemo(() => narrowing.filter(needle), [narrowing, needle])
  const statusCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const { row } of index.entries) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
    return counts
  }, [index])

  const { entries } = index
  const slotOf = useMemo(() => new Map(entries.map((entry) => [entry.row.id, entry.at])), [entries])
  // The cursor's row among the claims found so far (a native search of a typed array):
  // until the rest are counted, a cursor further down is not kept rendered.
  const cursorIn = (): number =>
    cursor === undefined ? -1 : visible.indexOf(slotOf.get(cursor) ?? -1)
  const { ref, onScroll, reveal, indexes, element, width, count } = useVirtualRows(
    (needed) => {
      visible.at(needed)
      return visible.complete ? visible.found : visible.estimate()
    },
    ROW_HEIGHT,
    OVERSCAN,
    cursorIn()
  )
  // Again, now that the view's rows are found.
  const cursorIndex = cursorIn()
  const counted = visible.complete
  useCountInIdleTime(visible, counted)

  /** Row `to`, within the list: past its end (searched to there), the last row. */
  const within = useCallback(
    (to: number): number => {
      const at = Math.max(0, to)
      return visible.at(at) === undefined ? Math.max(0, visible.found - 1) : at
    },
    [visible]
  )

  /** Set when the keyboard moved the cursor: its row takes the focus once rendered. */
  const wantsFocus = useRef(false)

  /** Moves the cursor to row `at` and scrolls it into view; it then takes the focus. */
  const focusRow = useCallback(
    (at: number, scroller: Element | null | undefined) => {
      const shown = visible.at(at)
      if (shown === undefined) return
      wantsFocus.current = true
      setCursor(entries[shown]!.row.id)
      reveal(at, 'nearest', scroller?.querySelector('.board-head')?.clientHeight ?? ROW_HEIGHT)
    },
    [visible, entries, reveal]
  )

  // The cursor's row is always rendered; when the keyboard moved the cursor, or the focus is
  // on another claim's row, the focus moves on to the cursor's row.
  useLayoutEffect(() => {
    const grid = element.current
    if (!grid || cursor === undefined) return
    const focused = document.activeElement
    const strayed = focused instanceof HTMLElement && grid.contains(focused) && focused.dataset.id
    if (!wantsFocus.current && (!strayed || focused.dataset.id === cursor)) return
    const row = grid.querySelector<HTMLElement>(`[role="row"][data-id="${CSS.escape(cursor)}"]`)
    if (!row) return
    wantsFocus.current = false
    if (row !== focused) row.focus()
  })

  const onKey = useCallback(
    (event: React.KeyboardEvent, id: string) => {
      const at = visible.indexOf(slotOf.get(id) ?? -1)
      const scroller = event.currentTarget.closest('.table-scroll')
      const page = Math.max(1, Math.floor((scroller?.clientHeight ?? 0) / ROW_HEIGHT) - 2)
      const moves: Record<string, number> = {
        ArrowDown: at + 1,
        ArrowUp: at - 1,
        PageDown: at + page,
        PageUp: at - page,
        Home: 0,
        End: Number.MAX_SAFE_INTEGER
      }
      const to = moves[event.key]
      if (to !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault()
        focusRow(within(to), scroller)
      } else if (event.key === 'Enter' && !event.altKey) {
        event.preventDefault()
        const shown = visible.at(at)
        if (shown !== undefined) onOpen(entries[shown]!.row, event.shiftKey)
      }
    },
    [visible, slotOf, entries, within, focusRow, onOpen]
  )

  const openEntry = useCallback(
    (entry: BoardEntry, beside: boolean) => onOpen(entry.row, beside),
    [onOpen]
  )

  const total = entries.length
  const chars = cellChars(width)
  const now = today()
  // One row is always reachable with Tab, even when the cursor row was filtered out.
  const first = visible.at(indexes[0] ?? 0)
  const focusable =
    cursorIndex >= 0 ? cursor : first === undefined ? undefined : entries[first]!.row.id

  return (
    <section className="board" aria-label="Claims board">
      <BoardFilters
        index={index}
        statusCounts={statusCounts}
        text={text}
        facets={facets}
        count={
          rows === undefined
            ? 'Loading claims…'
            : !counted
              ? `Counting… of ${formatCount(total, CLAIMS)}`
              : count === total
                ? formatCount(total, CLAIMS)
                : `${count.toLocaleString('en')} of ${formatCount(total, CLAIMS)}`
        }
        counting={!counted}
        onText={setText}
        onFacets={setFacets}
        onDown={() => focusRow(Math.max(cursorIndex, 0), element.current)}
      />
      <div className="table-scroll" ref={ref} onScroll={onScroll}>
        <div
          role="grid"
          className="board-grid"
          aria-label="Claims"
          // Unknown (-1) until the rows are counted.
          aria-rowcount={counted ? count + 1 : -1}
          data-rows={rows === undefined || !counted ? undefined : count}
        >
          <BoardHeader sort={sort} onSort={setSort} />
          <div role="rowgroup" className="board-body" style={{ height: count * ROW_HEIGHT }}>
            {indexes.map((at) => {
              const entry = entries[visible.at(at)!]!
              // Keyed by claim: a keystroke keeps the rows of the claims still in view, with
              // their text already laid out (most of a keystroke's cost is shaping text in
              // mixed scripts), and only moves them; only claims new to the view are drawn.
              return (
                <BoardRow
                  key={entry.row.id}
                  entry={entry}
                  index={at}
                  top={at * ROW_HEIGHT}
                  selected={entry.row.id === cursor}
                  focusable={entry.row.id === focusable}
                  chars={chars}
                  now={now}
                  onSelect={setCursor}
                  onOpen={openEntry}
                  onKey={onKey}
                />
              )
            })}
          </div>
        </div>
        {rows !== undefined && counted && count === 0 && (
          <p className="empty">
            {total > 0
              ? 'No claim matches the filters.'
              : 'No claims yet. Select a passage in an article and mark it as a claim.'}
          </p>
        )}
      </div>
    </section>
  )
}
