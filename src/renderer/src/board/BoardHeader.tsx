import { memo } from 'react'
import type { BoardSortKey } from './boardColumns'
import { BOARD_COLUMNS } from './boardColumns'

export interface BoardSort {
  key: BoardSortKey
  descending: boolean
}

interface Props {
  sort: BoardSort
  onSort(change: (sort: BoardSort) => BoardSort): void
}

/** The column headers: each sorts the board by its column, again for the other way. */
export const BoardHeader = memo(function BoardHeader({ sort, onSort }: Props) {
  return (
    <div className="board-head" role="rowgroup">
      <div className="board-row" role="row" aria-rowindex={1}>
        {BOARD_COLUMNS.map((column) => (
          <div
            key={column.key}
            role="columnheader"
            className={`board-cell${column.numeric ? ' numeric' : ''}`}
            style={{ flexBasis: column.width }}
            aria-sort={
              sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'
            }
          >
            <button
              type="button"
              onClick={() =>
                onSort((s) => ({
                  key: column.key,
                  descending: s.key === column.key ? !s.descending : column.descendingFirst === true
                }))
              }
            >
              {column.label}
              <span aria-hidden="true">
                {sort.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </span>
            </button>
          </div>
        ))}
      </div>
    </div>
  )
})
