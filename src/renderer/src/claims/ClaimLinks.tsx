import type { Corroboration } from '../../../shared/claim'
import { lineLanguage } from '../reader/cjkLanguage'
import { unwrap } from '../transport/unwrap'
import type { LinkMarker } from './numberLinks'
import { quoteOf } from './quoteOf'
import { relationFromHere } from './relationWords'
import { useFetched } from './useFetched'

interface Props {
  claimId: string
  /** Changes whenever the claim or its links may have changed. */
  version: number
  /** This claim's links, numbered as their markers in the panes. */
  markers: LinkMarker[]
  onActivate(marker: LinkMarker): void
  onUnlink(marker: LinkMarker): void
  onError(error: unknown): void
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** In words: where the claim's information comes from and goes, beyond the counts. */
function lineage(c: Corroboration): string[] {
  const lines: string[] = []
  if (c.upstream.length > 0)
    lines.push(`Derives from ${count(c.upstream.length, 'claim', 'claims')}.`)
  if (c.downstream.length > 0)
    lines.push(`Cited by ${count(c.downstream.length, 'claim', 'claims')}.`)
  return lines
}

/**
 * A claim's links and corroboration: what supports and contradicts it, from how many
 * independent origins, and a plain warning when reports that look independent are one.
 */
export function ClaimLinks({ claimId, version, markers, onActivate, onUnlink, onError }: Props) {
  const corroboration = useFetched(
    `${claimId}:${version}`,
    () => unwrap(window.api.getCorroboration({ claimId })),
    onError
  )
  return (
    <section className="claim-links" aria-label="Links and corroboration">
      {corroboration && (
        <dl className="corroboration-counts">
          <div>
            <dt>Supporting</dt>
            <dd>
              {corroboration.supporting.length}
              <span className="muted"> ({corroboration.independentSupport} independent)</span>
            </dd>
          </div>
          <div>
            <dt>Contradicting</dt>
            <dd>
              {corroboration.contradicting.length}
              <span className="muted"> ({corroboration.independentContradiction} independent)</span>
            </dd>
          </div>
        </dl>
      )}
      {corroboration &&
        lineage(corroboration).map((line) => (
          <p key={line} className="corroboration-line">
            {line}
          </p>
        ))}
      {corroboration && corroboration.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {corroboration.warnings.map((warning) => (
            <li key={warning}>
              <span aria-hidden="true">⚠ </span>
              {warning}
            </li>
          ))}
        </ul>
      )}
      {markers.length === 0 ? (
        <p className="muted">No links yet. Press L to link this claim to another.</p>
      ) : (
        <ul className="link-list" aria-label="Links of this claim">
          {markers.map((marker) => {
            const { linked } = marker
            const other = quoteOf(linked.other.exact, 60)
            return (
              <li key={linked.link.id} className={`relation-${linked.link.relation}`}>
                <button
                  type="button"
                  className="link-go"
                  aria-label={`Link ${marker.number}: ${relationFromHere(linked)} ${other} in ${linked.otherArticleTitle}. Go there`}
                  onClick={() => onActivate(marker)}
                >
                  <span className="link-number" aria-hidden="true">
                    {marker.number}
                  </span>
                  <span className="link-text">
                    <span className="link-relation">{relationFromHere(linked)}</span>{' '}
                    <span lang={lineLanguage(other, false)}>{other}</span>
                    <span className="link-where">
                      {linked.otherArticleTitle}
                      {linked.otherSourceName ? ` · ${linked.otherSourceName}` : ''}
                    </span>
                  </span>
                </button>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove link ${marker.number}`}
                  title="Remove this link"
                  onClick={() => onUnlink(marker)}
                >
                  ✕
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
