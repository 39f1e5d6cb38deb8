import { useEffect, useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { TextPosition } from '../../../shared/annotation'
import type { Claim } from '../../../shared/claim'
import { CLAIM_STATUSES } from '../../../shared/claim'
import { paint } from '../reader/highlightRegistry'
import type { TextIndex } from '../reader/TextIndex'
import type { LinkMarker } from './numberLinks'
import { quoteOf } from './quoteOf'
import { relationFromHere } from './relationWords'

/** What a pane shows of claims, and what it tells the claims feature. */
export interface PaneClaims {
  /** The article's live claims, in text order. */
  claims: Claim[]
  selectedId: string | undefined
  /** Numbered link markers, by the claim they sit beside. */
  markers: ReadonlyMap<string, LinkMarker[]>
  /** Link mode: a click on a claim picks it as the other end of the link. */
  linking: boolean
  /** A claim to scroll to; `serial` changes with each request. */
  reveal: { claimId: string; serial: number } | undefined
  /**
   * A click in the text at `offset`, over the highlights `highlightIds`: true when it was
   * about claims (one selected, or picked as a link's other end).
   */
  onTextClick(offset: number, highlightIds: string[]): boolean
  onMarker(marker: LinkMarker): void
  /** The "Claim" button beside a selection. */
  onClaim(): void
}

interface Props {
  paneId: string
  textIndex: TextIndex | undefined
  claims: PaneClaims
  /** The pane's scrolling body, which the markers are placed in. */
  body: RefObject<HTMLElement | null>
  scrollToOffset(offset: number, flash?: TextPosition): void
}

/** Room between the reading column and a marker, and between markers on one line. */
const GAP = 6
const MARKER_WIDTH = 20

/**
 * Claims in one pane: painted by status with the Custom Highlight API, the selected claim
 * and its attribution phrase, and a numbered marker beside each linked passage, with the
 * same number as in the pane at the other end of the link.
 */
export function ClaimLayer({ paneId, textIndex, claims: layer, body, scrollToOffset }: Props) {
  const { claims, selectedId, markers, reveal, linking } = layer
  const markerBox = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!textIndex) return
    for (const status of CLAIM_STATUSES) {
      const ranges = claims
        .filter((claim) => claim.status === status)
        .map((claim) => textIndex.rangeFor(claim.position.start, claim.position.end))
        .filter((range): range is StaticRange => range !== undefined)
      paint(paneId, `claim-${status}`, ranges)
    }
    body.current?.closest('article')?.setAttribute('data-claims-painted', String(claims.length))
  }, [paneId, textIndex, claims, body])

  useEffect(() => {
    if (!textIndex) return
    const claim = claims.find((c) => c.id === selectedId)
    const range = claim && textIndex.rangeFor(claim.position.start, claim.position.end)
    const span = claim?.attributionSpan?.position
    const phrase = span && textIndex.rangeFor(span.start, span.end)
    paint(paneId, 'claim-selected', range ? [range] : [])
    paint(paneId, 'claim-phrase', phrase ? [phrase] : [])
  }, [paneId, textIndex, claims, selectedId])

  useEffect(() => {
    body.current?.closest('article')?.toggleAttribute('data-linking', linking)
  }, [linking, body])

  const revealed = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (!textIndex || !reveal || revealed.current === reveal.serial) return
    const claim = claims.find((c) => c.id === reveal.claimId)
    if (!claim) return
    revealed.current = reveal.serial
    scrollToOffset(claim.position.start, claim.position)
  }, [textIndex, reveal, claims, scrollToOffset])

  // Markers sit in the margin right of the reading column, level with the passage's first
  // line; they are placed from the text's layout, again whenever it reflows.
  useLayoutEffect(() => {
    const box = markerBox.current
    const scroller = body.current
    if (!box || !scroller || !textIndex) return
    const place = (): void => {
      const frame = scroller.getBoundingClientRect()
      const column = scroller.querySelector('.reading-column')?.getBoundingClientRect()
      if (!column) return
      const taken: { top: number; left: number }[] = []
      for (const element of box.querySelectorAll<HTMLElement>('[data-claim]')) {
        const claim = claims.find((c) => c.id === element.dataset.claim)
        const at = claim && textIndex.rangeFor(claim.position.start, claim.position.end)
        if (!at) continue
        const range = document.createRange()
        range.setStart(at.startContainer, at.startOffset)
        range.setEnd(at.endContainer, at.endOffset)
        const first = range.getClientRects()[0] ?? range.getBoundingClientRect()
        const top = first.top - frame.top + scroller.scrollTop + (first.height - 18) / 2
        let left = column.right - frame.left + scroller.scrollLeft + GAP
        while (taken.some((t) => Math.abs(t.top - top) < 16 && t.left === left))
          left += MARKER_WIDTH
        taken.push({ top, left })
        element.style.top = `${top}px`
        element.style.left = `${left}px`
      }
    }
    place()
    const observer = new ResizeObserver(place)
    observer.observe(scroller)
    const column = scroller.querySelector('.reading-column')
    if (column) observer.observe(column)
    return () => observer.disconnect()
  }, [textIndex, claims, markers, body])

  const list = claims.flatMap((claim) => markers.get(claim.id) ?? [])
  return (
    <div className="claim-markers" ref={markerBox}>
      {list.map((marker) => {
        const { linked } = marker
        const label = `Link ${marker.number}: ${relationFromHere(linked)} ${quoteOf(linked.other.exact)} in ${linked.otherArticleTitle}`
        return (
          <button
            key={`${marker.claimId}:${linked.link.id}`}
            type="button"
            tabIndex={-1}
            className={`link-marker relation-${linked.link.relation}`}
            data-claim={marker.claimId}
            data-link={linked.link.id}
            aria-label={label}
            title={`${label} — click to go there`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => layer.onMarker(marker)}
          >
            {marker.number}
          </button>
        )
      })}
    </div>
  )
}
