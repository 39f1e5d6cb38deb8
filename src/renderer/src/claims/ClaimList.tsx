import { useContext, useRef } from 'react'
import type { Claim } from '../../../shared/claim'
import type { SourceRecord } from '../../../shared/source'
import { lineLanguage } from '../reader/cjkLanguage'
import { JapaneseArticle } from '../reader/JapaneseArticle'
import { gradeOf } from './gradeOf'
import type { LinkMarker } from './numberLinks'
import { StatusLegend } from './StatusLegend'
import { STATUS_CUES } from './statusCues'

interface Props {
  title: string | undefined
  claims: Claim[]
  selectedId: string | undefined
  sources: ReadonlyMap<string, SourceRecord>
  markers: ReadonlyMap<string, LinkMarker[]>
  onSelect(claim: Claim): void
}

/** Where ↑, ↓, Home and End go from row `index` of `count`. */
const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: (_, count) => count - 1
}

/**
 * The open article's claims in text order — the accessible view of what is painted. The
 * focus and the selection are one: ↑/↓, Home and End select as they move, so the claim
 * keys act on the row the focus ring is on.
 */
export function ClaimList({ title, claims, selectedId, sources, markers, onSelect }: Props) {
  const japanese = useContext(JapaneseArticle)
  const list = useRef<HTMLOListElement>(null)
  const selectedIndex = claims.findIndex((c) => c.id === selectedId)
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0

  const move = (index: number): void => {
    const claim = claims[Math.min(Math.max(index, 0), claims.length - 1)]
    if (!claim) return
    onSelect(claim)
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLButtonElement>(`[data-claim-row="${claim.id}"]`)?.focus()
    )
  }

  return (
    <section className="claims-section" aria-labelledby="claims-heading">
      <h3 id="claims-heading">
        Claims{title !== undefined && claims.length > 0 ? ` (${claims.length})` : ''}
      </h3>
      <StatusLegend />
      {title === undefined ? null : claims.length === 0 ? (
        <p className="empty">No claims in “{title}” yet. Select text and press C.</p>
      ) : (
        <ol className="claim-list" ref={list} aria-label={`Claims in ${title}`}>
          {claims.map((claim, index) => {
            const grade = gradeOf(claim, claim.sourceId ? sources.get(claim.sourceId) : undefined)
            const numbers = (markers.get(claim.id) ?? []).map((m) => m.number)
            const status = STATUS_CUES[claim.status].label
            const linkWords =
              numbers.length === 0
                ? ''
                : `, ${numbers.length === 1 ? 'link' : 'links'} ${numbers.join(', ')}`
            const rowText = claim.statement || claim.quote.exact
            return (
              <li key={claim.id} className={claim.id === selectedId ? 'selected' : undefined}>
                <button
                  type="button"
                  className="claim-row"
                  data-claim-row={claim.id}
                  tabIndex={index === tabStop ? 0 : -1}
                  aria-current={claim.id === selectedId ? 'true' : undefined}
                  aria-label={`${status} claim ${grade.code}: ${claim.quote.exact}${linkWords}`}
                  onClick={() => onSelect(claim)}
                  onKeyDown={(event) => {
                    const step = STEPS[event.key]
                    if (!step) return
                    event.preventDefault()
                    move(step(index, claims.length))
                  }}
                >
                  <span className="claim-row-head">
                    <span className={`status-sample status-${claim.status}`}>{status}</span>
                    <span
                      className={`grade-code small${grade.code.includes('?') ? ' ungraded' : ''}`}
                    >
                      {grade.code}
                    </span>
                    {numbers.map((n) => (
                      <span key={n} className="link-number">
                        {n}
                      </span>
                    ))}
                  </span>
                  <span className="claim-row-text" lang={lineLanguage(rowText, japanese)}>
                    {rowText}
                  </span>
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
