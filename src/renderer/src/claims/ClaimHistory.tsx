import type { ClaimChange } from '../../../shared/claim'
import { unwrap } from '../transport/unwrap'
import { useFetched } from './useFetched'

interface Props {
  claimId: string
  /** Changes whenever the claim or its links may have changed. */
  version: number
  onError(error: unknown): void
}

const FIELD_NAMES: Record<ClaimChange['field'], string> = {
  created: 'Marked as a claim',
  statement: 'Statement',
  source: 'Claimant',
  attribution: 'Attribution',
  status: 'Status',
  credibility: 'Credibility',
  link: 'Linked',
  unlink: 'Unlinked'
}

function describe(change: ClaimChange): string {
  const name = FIELD_NAMES[change.field]
  if (change.field === 'created') return name
  if (change.field === 'link') return `${name}: ${change.to ?? ''}`
  if (change.field === 'unlink') return `${name}: ${change.from ?? ''}`
  return `${name}: ${change.from ?? '—'} → ${change.to ?? '—'}`
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A claim's audit trail: every change of its status, grade, claimant, statement and links. */
export function ClaimHistory({ claimId, version, onError }: Props) {
  const history = useFetched(
    `${claimId}:${version}`,
    () => unwrap(window.api.getClaimHistory({ claimId })),
    onError
  )
  return (
    <details className="claim-history">
      <summary>Audit trail{history ? ` (${history.length})` : ''}</summary>
      <ol aria-label="Changes of this claim, oldest first">
        {(history ?? []).map((change, index) => (
          <li key={index}>
            <time dateTime={change.at}>{time.format(new Date(change.at))}</time>
            <span>{describe(change)}</span>
          </li>
        ))}
      </ol>
    </details>
  )
}
