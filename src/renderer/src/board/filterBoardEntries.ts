import type { ClaimStatus } from '../../../shared/claim'
import type { BoardEntry, BoardIndex, BoardOrder } from './indexBoardRows'
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

/** The claims of `order` that pass the status, tag and claimant filters, in that order. */
export function filterByFacets(
  order: BoardOrder,
  entries: readonly BoardEntry[],
  facets: BoardFacets
): BoardOrder {
  const { status, tag, claimant } = facets
  if (status === '' && tag === '' && claimant === '') return order
  return keep(order, (at) => {
    const { row } = entries[at]!
    return (
      (status === '' || row.status === status) &&
      (tag === '' || row.tags.includes(tag)) &&
      (claimant === '' ||
        (claimant === NO_CLAIMANT ? row.sourceId === undefined : row.sourceId === claimant))
    )
  })
}

/**
 * Whether a claim's passage, statement, claimant or article title contains `needle`, for
 * a `LazyOrder` to test claims with as far as they are read.
 */
export function textTest(index: BoardIndex, needle: string): (at: number) => boolean {
  const { entries, signatures, titleOf, claimantOf } = index
  // Some 10,000 titles and 600 names are searched once, not once per claim.
  const titleHit = hits(index.titles, needle)
  const claimantHit = hits(index.claimants, needle)
  const query = signatures.query(needle)
  return (at) => {
    const claimant = claimantOf[at]!
    if (titleHit[titleOf[at]!] === 1 || (claimant >= 0 && claimantHit[claimant] === 1)) return true
    const match = signatures.match(at, query)
    return match === YES || (match === MAYBE && searchTextOf(entries[at]!).includes(needle))
  }
}

/** The claims of `order` whose passage, statement, claimant or article title contain `needle`. */
export function filterByText(order: BoardOrder, index: BoardIndex, needle: string): BoardOrder {
  return needle === '' ? order : keep(order, textTest(index, needle))
}

/** 1 for each text that contains `needle`. */
function hits(texts: readonly string[], needle: string): Uint8Array {
  const hit = new Uint8Array(texts.length)
  for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(needle)) hit[i] = 1
  return hit
}

/** The claims of `order` that `test` keeps, in order, in a buffer of their exact length. */
function keep(order: BoardOrder, test: (at: number) => boolean): BoardOrder {
  const kept = new Int32Array(order.length)
  let length = 0
  for (let i = 0; i < order.length; i++) {
    const at = order[i]!
    if (test(at)) kept[length++] = at
  }
  return kept.slice(0, length)
}
