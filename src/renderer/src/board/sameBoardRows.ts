import type { ClaimBoardRow } from '../../../shared/claim'

/**
 * Whether a fresh answer shows the same board: every change to a claim moves its
 * `updatedAt`; a source renamed, merged or graded changes its name or reliability; an
 * article renamed, its title; a link made or removed, the count. Keeping the rows already
 * indexed and sorted spares re-doing that for 50,000 claims each time the board is shown.
 */
export function sameBoardRows(
  before: readonly ClaimBoardRow[],
  after: readonly ClaimBoardRow[]
): boolean {
  if (before.length !== after.length) return false
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!
    const b = after[i]!
    if (
      a.id !== b.id ||
      a.updatedAt !== b.updatedAt ||
      a.sourceName !== b.sourceName ||
      a.reliability !== b.reliability ||
      a.articleTitle !== b.articleTitle ||
      a.links !== b.links
    )
      return false
  }
  return true
}
