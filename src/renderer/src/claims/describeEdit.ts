import type { Claim } from '../../../shared/claim'
import type { ClaimEdit } from './claimEdit'
import { quoteOf } from './quoteOf'

/** What an edit of a claim changes, in the words of the undo toast. */
export function describeEdit(
  claim: Claim,
  edit: ClaimEdit,
  after: Claim,
  sourceName: (id: string | undefined) => string
): string {
  const what = `claim ${quoteOf(claim.quote.exact, 40)}`
  const parts: string[] = []
  const change = (field: string, from: string, to: string): void =>
    void parts.push(`${field} of ${what} ${from} → ${to}`)
  if (edit.status !== undefined) change('status', claim.status, edit.status)
  if (edit.credibility !== undefined)
    change('credibility', String(claim.credibility ?? '?'), String(edit.credibility ?? '?'))
  if (edit.sourceId !== undefined)
    change('claimant', sourceName(claim.sourceId), sourceName(edit.sourceId ?? undefined))
  if (edit.attribution !== undefined) change('attribution', claim.attribution, edit.attribution)
  if (edit.statement !== undefined) parts.push(`statement of ${what}`)
  if (edit.tags !== undefined) parts.push(`tags of ${what}`)
  if (edit.note !== undefined) parts.push(`note of ${what}`)
  if (edit.attributionSpan !== undefined)
    parts.push(
      edit.attributionSpan === null
        ? `attribution phrase of ${what} cleared`
        : `attribution phrase of ${what} → ${quoteOf(after.attributionSpan?.quote.exact ?? '', 40)}`
    )
  return parts.join('; ')
}
