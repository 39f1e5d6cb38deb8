/** What the claims board can be sorted by: one key per column. */
export type BoardSortKey =
  'passage' | 'statement' | 'claimant' | 'grade' | 'status' | 'article' | 'links' | 'updatedAt'

export interface BoardColumn {
  key: BoardSortKey
  label: string
  /** Share of the table's width: the layout is fixed, so windowed rows never shift it. */
  width: string
  numeric?: boolean
  /** Sorted newest or largest first on the first click. */
  descendingFirst?: boolean
}

export const BOARD_COLUMNS: readonly BoardColumn[] = [
  { key: 'passage', label: 'Passage', width: '27%' },
  { key: 'statement', label: 'Statement', width: '17%' },
  { key: 'claimant', label: 'Claimant', width: '13%' },
  { key: 'grade', label: 'Grade', width: '5.5%' },
  { key: 'status', label: 'Status', width: '9%' },
  { key: 'article', label: 'Article', width: '15%' },
  { key: 'links', label: 'Links', width: '4.5%', numeric: true, descendingFirst: true },
  { key: 'updatedAt', label: 'Last changed', width: '9%', descendingFirst: true }
]
