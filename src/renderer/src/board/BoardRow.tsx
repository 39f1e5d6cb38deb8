import { memo } from 'react'
import { STATUS_CUES } from '../claims/statusCues'
import { lineLanguage } from '../reader/cjkLanguage'
import { formatShortTime, formatTime } from '../format/formatTime'
import { BOARD_COLUMNS } from './boardColumns'
import type { CellChars } from './cellChars'
import { clipForCell } from './clipForCell'
import { gradeMeaning } from './gradeMeaning'
import type { BoardEntry } from './indexBoardRows'

interface Props {
  entry: BoardEntry
  /** Position among the filtered rows, from 0. */
  index: number
  /** Pixels from the top of the rows. */
  top: number
  selected: boolean
  focusable: boolean
  /** What the long-text cells can show at the table's width (`cellChars`). */
  chars: CellChars
  /** The time "today" is told from, the same for every row of a render. */
  now: Date
  onSelect(id: string): void
  onOpen(entry: BoardEntry, beside: boolean): void
  onKey(event: React.KeyboardEvent, id: string): void
}

const WIDTHS = BOARD_COLUMNS.map((column) => ({ flexBasis: column.width }))

/** One claim: a row of fixed height, re-rendered only when it or its selection changes. */
export const BoardRow = memo(function BoardRow(props: Props) {
  const { entry, index, selected, chars } = props
  const { row } = entry
  const status = STATUS_CUES[row.status].label
  const claimant = row.sourceName ?? 'no claimant'
  return (
    <div
      role="row"
      className="board-row"
      style={{ top: props.top }}
      data-id={row.id}
      aria-rowindex={index + 2}
      aria-label={`${row.exact} — ${claimant}, ${entry.grade}, ${status}, in ${row.articleTitle}`}
      aria-selected={selected}
      tabIndex={props.focusable ? 0 : -1}
      onClick={() => props.onSelect(row.id)}
      onDoubleClick={(event) => props.onOpen(entry, event.shiftKey)}
      onKeyDown={(event) => props.onKey(event, row.id)}
      onFocus={() => props.onSelect(row.id)}
    >
      <div
        role="gridcell"
        className="board-cell board-passage"
        style={WIDTHS[0]}
        title={row.exact}
        lang={lineLanguage(row.exact, false)}
      >
        {clipForCell(row.exact, chars.passage)}
      </div>
      <div
        role="gridcell"
        className="board-cell"
        style={WIDTHS[1]}
        title={row.statement || undefined}
      >
        {clipForCell(row.statement, chars.statement)}
      </div>
      <div
        role="gridcell"
        className={`board-cell${row.sourceName ? '' : ' board-none'}`}
        style={WIDTHS[2]}
      >
        {row.sourceName ?? '—'}
      </div>
      <div
        role="gridcell"
        className="board-cell board-grade"
        style={WIDTHS[3]}
        title={gradeMeaning(row.reliability, row.credibility)}
      >
        {entry.grade}
      </div>
      <div
        role="gridcell"
        className={`board-cell board-status status-${row.status}`}
        style={WIDTHS[4]}
      >
        {status}
      </div>
      <div role="gridcell" className="board-cell" style={WIDTHS[5]} title={row.articleTitle}>
        {clipForCell(row.articleTitle, chars.article)}
      </div>
      <div role="gridcell" className="board-cell numeric" style={WIDTHS[6]}>
        {row.links}
      </div>
      <div
        role="gridcell"
        className="board-cell board-time"
        style={WIDTHS[7]}
        title={formatTime(row.updatedAt)}
        aria-label={formatTime(row.updatedAt)}
      >
        {formatShortTime(row.updatedAt, props.now)}
      </div>
    </div>
  )
})
