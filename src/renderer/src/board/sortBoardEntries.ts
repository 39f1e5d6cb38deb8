import { CLAIM_STATUSES } from '../../../shared/claim'
import type { BoardSortKey } from './boardColumns'
import type { BoardEntry, BoardOrder } from './indexBoardRows'

const STATUS_ORDER = new Map<string, number>(CLAIM_STATUSES.map((status, i) => [status, i]))
const NON_ASCII = /[\u0080-\uffff]/
const MARKS = /\p{M}/gu

/**
 * A key that plain `<` orders as a reader expects: lowercase, accents off ("école" by
 * "ecole"). Intl.Collator would be exact, but takes half a second over 50,000 passages.
 */
function textKey(text: string): string {
  const lower = text.toLowerCase()
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower
}

/** '' sorts last in either direction. */
function keyOf(entry: BoardEntry, key: BoardSortKey): string | number {
  const { row } = entry
  switch (key) {
    case 'passage':
      return textKey(row.exact)
    case 'statement':
      return textKey(row.statement)
    case 'claimant':
      return textKey(row.sourceName ?? '')
    case 'article':
      return textKey(row.articleTitle)
    // An ungraded half ("?") after every grade: "B?" after "B6", "??" last but one.
    case 'grade':
      return entry.grade === '??' ? '' : entry.grade.replaceAll('?', '~')
    case 'status':
      return STATUS_ORDER.get(row.status) ?? CLAIM_STATUSES.length
    case 'links':
      return row.links
    case 'updatedAt':
      return row.updatedAt
  }
}

/** Every entry (by its `at`), sorted by one column; empty values last, ties newest change first. */
export function sortBoardEntries(
  entries: readonly BoardEntry[],
  key: BoardSortKey,
  descending: boolean
): BoardOrder {
  const keys = entries.map((entry) => keyOf(entry, key))
  const sign = descending ? -1 : 1
  const order = entries.map((_, i) => i)
  order.sort((a, b) => {
    const x = keys[a]!
    const y = keys[b]!
    if (x === '' || y === '') {
      if (x !== y) return x === '' ? 1 : -1
    } else if (x !== y) return x < y ? -sign : sign
    const p = entries[a]!.row
    const q = entries[b]!.row
    return p.updatedAt === q.updatedAt ? (p.id < q.id ? -1 : 1) : p.updatedAt < q.updatedAt ? 1 : -1
  })
  return Int32Array.from(order, (i) => entries[i]!.at)
}
