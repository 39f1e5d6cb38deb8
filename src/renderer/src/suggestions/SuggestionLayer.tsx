import { useEffect, useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { ClaimSuggestion } from '../../../shared/suggestion'
import { paint } from '../reader/highlightRegistry'
import type { TextIndex } from '../reader/TextIndex'
import { describeSuggestion } from './describeSuggestion'
import { SuggestionBar } from './SuggestionBar'

/** What a pane shows of the attribution finder's suggestions, and what it can ask of them. */
export interface PaneSuggestions {
  /** Suggestion mode is on in this pane. */
  active: boolean
  /** The finder is still reading the article. */
  loading: boolean
  /** The open suggestions, in text order; empty unless active. */
  list: readonly ClaimSuggestion[]
  /** The one Tab moved to, that Enter accepts and Delete rejects. */
  currentKey: string | undefined
  /** The pane's "Suggest claims" button. */
  start(): void
  select(key: string): void
  move(step: 1 | -1): void
  acceptCurrent(): void
  rejectCurrent(): void
  acceptAll(): void
  rejectAll(): void
  leave(): void
}

interface Props {
  textIndex: TextIndex | undefined
  paneId: string
  suggestions: PaneSuggestions
  /** The pane's scrolling body: focused in suggestion mode, so Tab and Enter reach the text. */
  body: RefObject<HTMLElement | null>
  scrollToOffset(offset: number): void
}

/**
 * Suggestions in one pane: each painted with the Custom Highlight API as a dashed frame (above
 * and below the line, which no highlight or claim uses), the current one tinted, with a tag
 * above it that says its type, claimant and cue; and the bar that acts on them.
 */
export function SuggestionLayer({ textIndex, paneId, suggestions, body, scrollToOffset }: Props) {
  const { active, list, currentKey } = suggestions
  const tag = useRef<HTMLDivElement>(null)
  const current = list.find((suggestion) => suggestion.key === currentKey)

  useEffect(() => {
    if (!textIndex) return
    const ranges = list
      .map((s) => textIndex.rangeFor(s.start, s.end))
      .filter((range): range is StaticRange => range !== undefined)
    paint(paneId, 'suggestion', ranges)
    const range = current && textIndex.rangeFor(current.start, current.end)
    paint(paneId, 'suggestion-current', range ? [range] : [])
    body.current?.closest('article')?.setAttribute('data-suggestions-painted', String(list.length))
  }, [paneId, textIndex, list, current, body])

  // The focus goes to the text, where the mode's keys act; `data-suggesting` says so to them.
  useEffect(() => {
    const element = body.current
    if (!element || !active) return
    element.setAttribute('data-suggesting', 'true')
    element.focus({ preventScroll: true })
    return () => element.removeAttribute('data-suggesting')
  }, [active, body])

  const start = current?.start
  useEffect(() => {
    if (start !== undefined) scrollToOffset(start)
  }, [start, scrollToOffset])

  // The tag sits just above the current suggestion's first line, within the reading column.
  useLayoutEffect(() => {
    const element = tag.current
    const scroller = body.current
    const at = current && textIndex?.rangeFor(current.start, current.end)
    if (!element || !scroller || !at) return
    const range = document.createRange()
    range.setStart(at.startContainer, at.startOffset)
    range.setEnd(at.endContainer, at.endOffset)
    const first = range.getClientRects()[0] ?? range.getBoundingClientRect()
    const frame = scroller.getBoundingClientRect()
    element.style.top = `${first.top - frame.top + scroller.scrollTop - element.offsetHeight - 2}px`
    element.style.left = `${Math.max(0, first.left - frame.left + scroller.scrollLeft)}px`
  }, [current, textIndex, body])

  if (!active) return null
  return (
    <>
      {current && (
        <div ref={tag} className={`suggestion-tag attribution-${current.attribution}`} aria-hidden>
          {describeSuggestion(current)}
        </div>
      )}
      <SuggestionBar suggestions={suggestions} current={current} />
    </>
  )
}
