import type { ClaimStatus } from '../../../shared/claim'
import type { BoardEntry, BoardIndex } from './indexBoardRows'
import { searchTextOf } from './indexBoardRows'
import { MAYBE, YES } from './TextSignatures'

/** What the board's filters ask for; '' is "any". */
export interface BoardFacets {
  status: ClaimStatus | ''
  tag: string
  /** A source id, NO_CLAIMANT, or '' for any. */
  claimant: string
}

/** The claimant filter's value for claims without a claimant. */
export const NO_CLAIMANT = '-'

/** The claims that pass the status, tag and claimant filters, in the order given. */
export function filterByFacets(entries: readonly BoardEntry[], facets: BoardFacets): BoardEntry[] {
  const { status, tag, claimant } = facets
  if (status === '' && tag === '' && claimant === '') return [...entries]
  return entries.filter(
    ({ row }) =>
      (status === '' || row.status === status) &&
      (tag === '' || row.tags.includes(tag)) &&
      (claimant === '' ||
        (claimant === NO_CLAIMANT ? row.sourceId === undefined : row.sourceId === claimant))
  )
}

/** The claims whose passage, statement, claimant or article title contain `needle`. */
export function filterByText(
  entries: readonly BoardEntry[],
  index: BoardIndex,
  needle: string
): BoardEntry[] {
  if (needle === '') return [...entries]
  const titleHit = index.titles.map((title) => title.includes(needle))
  const claimantHit = index.claimants.map((name) => name.includes(needle))
  const { signatures } = index
  const query = signatures.query(needle)
  return entries.filter((entry) => {
    if (titleHit[entry.title] || (entry.claimant >= 0 && claimantHit[entry.claimant])) return true
    const match = signatures.match(entry.at, query)
    return match === YES || (match === MAYBE && searchTextOf(entry).includes(needle))
  })
}
