import type { InputOf } from '../../../shared/api'
import type { Claim } from '../../../shared/claim'

/** The fields of a claim one change sets; `null` clears the claimant, credibility or phrase. */
export type ClaimEdit = Omit<InputOf<'updateClaim'>, 'articleId' | 'id'>

/** The edit that puts back what `edit` changes of `claim`: the undo of it. */
export function reverseEdit(claim: Claim, edit: ClaimEdit): ClaimEdit {
  const back: ClaimEdit = {}
  if (edit.statement !== undefined) back.statement = claim.statement
  if (edit.sourceId !== undefined) back.sourceId = claim.sourceId ?? null
  if (edit.attribution !== undefined) back.attribution = claim.attribution
  if (edit.status !== undefined) back.status = claim.status
  if (edit.credibility !== undefined) back.credibility = claim.credibility ?? null
  if (edit.tags !== undefined) back.tags = claim.tags
  if (edit.note !== undefined) back.note = claim.note
  if (edit.attributionSpan !== undefined)
    back.attributionSpan = claim.attributionSpan
      ? { start: claim.attributionSpan.position.start, end: claim.attributionSpan.position.end }
      : null
  return back
}

/**
 * `claim` with `edit` made, as the card shows it before the store answers. An attribution
 * phrase is left as it is: its quote comes from the stored text.
 */
export function applyEdit(claim: Claim, edit: ClaimEdit): Claim {
  const next: Claim = { ...claim }
  if (edit.statement !== undefined) next.statement = edit.statement
  if (edit.sourceId === null) delete next.sourceId
  else if (edit.sourceId !== undefined) next.sourceId = edit.sourceId
  if (edit.attribution !== undefined) next.attribution = edit.attribution
  if (edit.status !== undefined) next.status = edit.status
  if (edit.credibility === null) delete next.credibility
  else if (edit.credibility !== undefined) next.credibility = edit.credibility
  if (edit.tags !== undefined) next.tags = edit.tags
  if (edit.note !== undefined) next.note = edit.note as Claim['note']
  if (edit.attributionSpan === null) delete next.attributionSpan
  return next
}
