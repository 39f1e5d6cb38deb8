import type { Claim, LinkedClaim } from '../shared/claim'
import { gradeCode } from '../shared/claim'
import { docToPlain } from '../shared/richText'
import type { Source } from '../shared/source'
import { formatQuote } from './formatQuote'

/**
 * A claim as `dossier show` prints it: passage, grade, status and claimant on one line,
 * then its statement, note and each link with the claim at the other end.
 */
export function formatClaim(
  claim: Claim,
  source: Source | undefined,
  links: readonly LinkedClaim[]
): string[] {
  const { start, end } = claim.position
  const note = docToPlain(claim.note).trim()
  const other = (linked: LinkedClaim): string =>
    `${formatQuote(linked.other.exact)}${linked.other.articleId === claim.articleId ? '' : ` in “${linked.otherArticleTitle}”`}`
  return [
    `  [${start}–${end}] ${gradeCode(source?.reliability, claim.credibility)} ${claim.status} “${claim.quote.exact}”${source ? ` — ${source.name}` : ''}  (${claim.id})`,
    ...(claim.statement ? [`      statement: ${claim.statement}`] : []),
    ...(note ? [`      note: ${note.replace(/\n/g, '\n            ')}`] : []),
    ...links.map((linked) =>
      linked.outgoing
        ? `      ${linked.link.relation} ${other(linked)}  (link ${linked.link.id})`
        : `      ${other(linked)} ${linked.link.relation} this  (link ${linked.link.id})`
    )
  ]
}
