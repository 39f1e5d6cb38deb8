import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import type { ReactNode, Ref } from 'react'
import type { Annotation, TextPosition } from '../../../shared/annotation'
import type { Article } from '../../../shared/article'
import type { PaneClaims } from '../claims/ClaimLayer'
import { ClaimLayer } from '../claims/ClaimLayer'
import { ArticleText } from './ArticleText'
import { selectionInside } from './selectionInside'
import { SelectionToolbar } from './SelectionToolbar'
import { FindBar } from './FindBar'
import { findMatches, foldForFind } from './findMatches'
import { useKeyboardSelection } from './useKeyboardSelection'
import type { HighlightLayer } from './highlightRegistry'
import { clearOwner, paint } from './highlightRegistry'
import { highlightPieces } from './highlightPieces'
import type { TextIndex } from './TextIndex'
import type { PaneSuggestions } from '../suggestions/SuggestionLayer'
import { SuggestionLayer } from '../suggestions/SuggestionLayer'
import { OverflowToolbar } from '../overflow/OverflowToolbar'

/** What the workspace can ask of a pane. */
export interface PaneHandle {
  /** The current text selection in this pane, as offsets into the stored text. */
  selection(): TextPosition | undefined
  scrollToOffset(offset: number, flash?: TextPosition): void
  /**
   * Scrolls to a passage and selects it in the text, with the focus there (so H or C acts
   * on it); false while the text is not laid out yet.
   */
  selectPassage(position: TextPosition): boolean
  setScrollFraction(fraction: number): void
  openFind(): void
  /** Puts the keyboard in the text, where it reads and selects (after a pane closed). */
  focus(): void
}

interface Props {
  paneId: string
  article: Article | undefined
  error: string | undefined
  annotations: Annotation[]
  selectedIds: ReadonlySet<string>
  claims: PaneClaims
  active: boolean
  maximized: boolean
  index: number
  count: number
  initialScroll: number
  handle: Ref<PaneHandle>
  onActivate(): void
  onClose(): void
  onMove(direction: -1 | 1): void
  onToggleMaximize(): void
  onScroll(fraction: number): void
  onSelectAnnotations(ids: string[]): void
  onHighlight(): void
  onDetails(): void
  /** The article's notes drawer, when open. */
  notes: ReactNode
  onToggleNotes(): void
  /** The attribution finder's suggested claims in this pane. */
  suggestions: PaneSuggestions
}

/** One article, side by side with others: metadata, find, text with highlights. */
export function ReaderPane(props: Props) {
  const { paneId, article, annotations, selectedIds, handle } = props
  const [textIndex, setTextIndex] = useState<TextIndex>()
  const body = useRef<HTMLDivElement>(null)
  const articleElement = useRef<HTMLElement>(null)
  const textContainer = useRef<HTMLElement | null>(null)
  const [find, setFind] = useState<{ open: boolean; query: string; current: number }>({
    open: false,
    query: '',
    current: 0
  })
  const restoredFor = useRef<string | undefined>(undefined)
  const { initialScroll } = props

  const onIndex = useCallback((index: TextIndex, container: HTMLElement) => {
    textContainer.current = container
    setTextIndex(index)
  }, [])

  // Restore the saved scroll position once per article shown.
  useEffect(() => {
    if (!textIndex || !article || restoredFor.current === article.id || !body.current) return
    restoredFor.current = article.id
    const element = body.current
    element.scrollTop = initialScroll * (element.scrollHeight - element.clientHeight)
  }, [textIndex, article, initialScroll])

  // Paint highlights by colour without touching the text's DOM. Selecting a highlight
  // repaints only the selection layer below, not all of them.
  useEffect(() => {
    if (!textIndex) return
    const byLayer = new Map<HighlightLayer, StaticRange[]>()
    for (const piece of highlightPieces(annotations)) {
      const range = textIndex.rangeFor(piece.start, piece.end)
      if (!range) continue
      const layer: HighlightLayer = `${piece.over ? 'o' : 'c'}${piece.color}`
      const ranges = byLayer.get(layer)
      if (ranges) ranges.push(range)
      else byLayer.set(layer, [range])
    }
    for (const color of [1, 2, 3, 4, 5, 6] as const) {
      paint(paneId, `c${color}`, byLayer.get(`c${color}`) ?? [])
      paint(paneId, `o${color}`, byLayer.get(`o${color}`) ?? [])
    }
    // A named event for tests and `npm run bench`: this pane's highlights are painted.
    performance.mark('dossier:highlights-painted', {
      detail: { paneId, count: annotations.length }
    })
    articleElement.current?.setAttribute('data-highlights-painted', String(annotations.length))
  }, [paneId, textIndex, annotations])

  useEffect(() => {
    if (!textIndex) return
    const selected = annotations
      .filter((annotation) => selectedIds.has(annotation.id))
      .map((annotation) => textIndex.rangeFor(annotation.position.start, annotation.position.end))
      .filter((range): range is StaticRange => range !== undefined)
    paint(paneId, 'selected', selected)
  }, [paneId, textIndex, annotations, selectedIds])

  useEffect(() => () => clearOwner(paneId), [paneId])

  // The strip of panes scrolls sideways when they do not all fit: bring the active pane
  // into view when none of it is (a pane just opened); one partly in view is being used.
  useEffect(() => {
    const pane = articleElement.current
    const strip = pane?.closest('.panes')
    if (!props.active || !pane || !strip) return
    const at = pane.getBoundingClientRect()
    const room = strip.getBoundingClientRect()
    if (at.right <= room.left + 1 || at.left >= room.right - 1)
      pane.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [props.active])

  const text = article?.text
  const folded = useMemo(
    () => (find.open && text !== undefined ? foldForFind(text) : undefined),
    [find.open, text]
  )
  const matches = useMemo(
    () => (folded ? findMatches(folded, find.query) : []),
    [folded, find.query]
  )
  const currentMatch = matches.length > 0 ? Math.min(find.current, matches.length - 1) : 0

  const scrollToOffset = useCallback(
    (offset: number, flash?: TextPosition) => {
      const element = textIndex?.elementAt(offset)
      element?.scrollIntoView({ block: 'center' })
      if (flash && textIndex) {
        const range = textIndex.rangeFor(flash.start, flash.end)
        paint(paneId, 'flash', range ? [range] : [])
        window.setTimeout(() => paint(paneId, 'flash', []), 900)
      }
    },
    [textIndex, paneId]
  )

  useEffect(() => {
    if (!textIndex) return
    const ranges = matches
      .map((m) => textIndex.rangeFor(m.start, m.end))
      .filter((r): r is StaticRange => r !== undefined)
    paint(paneId, 'find', ranges)
    const current = matches[currentMatch]
    const currentRange = current && textIndex.rangeFor(current.start, current.end)
    paint(paneId, 'find-current', currentRange ? [currentRange] : [])
    if (current) scrollToOffset(current.start)
  }, [matches, currentMatch, textIndex, paneId, scrollToOffset])

  const selection = useCallback((): TextPosition | undefined => {
    const range = selectionInside(textContainer.current)
    if (!range || !textIndex) return undefined
    const start = textIndex.offsetAt(range.startContainer, range.startOffset, 'start')
    const end = textIndex.offsetAt(range.endContainer, range.endOffset, 'end')
    if (start === undefined || end === undefined || end <= start) return undefined
    return { start, end }
  }, [textIndex])

  const onSelectionKey = useKeyboardSelection({
    text: article?.text,
    textIndex,
    body,
    container: textContainer,
    selection
  })

  const selectPassage = useCallback(
    (position: TextPosition): boolean => {
      const at = textIndex?.rangeFor(position.start, position.end)
      if (!at) return false
      scrollToOffset(position.start, position)
      body.current?.focus({ preventScroll: true })
      const range = document.createRange()
      range.setStart(at.startContainer, at.startOffset)
      range.setEnd(at.endContainer, at.endOffset)
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
      return true
    },
    [textIndex, scrollToOffset]
  )

  useImperativeHandle(
    handle,
    () => ({
      selection,
      scrollToOffset,
      selectPassage,
      setScrollFraction(fraction) {
        const element = body.current
        if (element) element.scrollTop = fraction * (element.scrollHeight - element.clientHeight)
      },
      openFind: () => setFind((f) => ({ ...f, open: true })),
      focus: () => body.current?.focus({ preventScroll: true })
    }),
    [selection, scrollToOffset, selectPassage]
  )

  // Closing find leaves the current match selected in the text, with the focus on it, so
  // H or C marks it: a passage can be found and marked without the mouse.
  const closeFind = (): void => {
    const current = matches[currentMatch]
    const at = current && textIndex?.rangeFor(current.start, current.end)
    setFind({ open: false, query: '', current: 0 })
    body.current?.focus()
    if (!at) return
    const range = document.createRange()
    range.setStart(at.startContainer, at.startOffset)
    range.setEnd(at.endContainer, at.endOffset)
    window.getSelection()?.removeAllRanges()
    window.getSelection()?.addRange(range)
  }

  const onTextClick = (event: React.MouseEvent): void => {
    props.onActivate()
    if (!textIndex || !window.getSelection()?.isCollapsed) return
    const caret = document.caretPositionFromPoint(event.clientX, event.clientY)
    if (!caret) return
    const offset = textIndex.offsetAt(caret.offsetNode, caret.offset, 'start')
    if (offset === undefined) return
    const hits = annotations
      .filter((a) => a.position.start <= offset && offset < a.position.end)
      .map((a) => a.id)
    if (!props.claims.onTextClick(offset, hits)) props.onSelectAnnotations(hits)
  }

  const title = article?.title ?? 'Loading…'
  const meta = article
    ? [article.source, article.author, article.publishedAt].filter(Boolean).join(' · ')
    : ''
  return (
    <article
      ref={articleElement}
      className={`pane${props.active ? ' active' : ''}`}
      aria-label={title}
      onFocusCapture={props.onActivate}
      onMouseDown={props.onActivate}
    >
      <header className="pane-header">
        <div className="pane-title">
          <h2 title={title}>{title}</h2>
          {meta && <p className="pane-meta">{meta}</p>}
        </div>
        <OverflowToolbar
          className="pane-actions"
          label={`Pane: ${title}`}
          moreLabel={`More actions for ${title}`}
        >
          <button
            type="button"
            aria-label={`Suggest claims in ${title}`}
            aria-pressed={props.suggestions.active}
            title="Suggest claims (A): who says what, and how it is attributed"
            onClick={props.suggestions.start}
          >
            ❝
          </button>
          <button
            type="button"
            className="notes-toggle"
            aria-label={`Notes on ${title}`}
            aria-pressed={props.notes !== undefined}
            title="Your notes on this article"
            onClick={props.onToggleNotes}
          >
            ✎
          </button>
          <button
            type="button"
            aria-label={`Details of ${title}`}
            title="Details and provenance"
            onClick={props.onDetails}
          >
            <span className="icon-info" aria-hidden="true">
              i
            </span>
          </button>
          <button
            type="button"
            aria-label={`Find in ${title}`}
            title="Find (Ctrl+F)"
            onClick={() => setFind((f) => ({ ...f, open: true }))}
          >
            ⌕
          </button>
          <button
            type="button"
            aria-label={`Move ${title} left`}
            title="Move left"
            disabled={props.index === 0}
            onClick={() => props.onMove(-1)}
          >
            ←
          </button>
          <button
            type="button"
            aria-label={`Move ${title} right`}
            title="Move right"
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(1)}
          >
            →
          </button>
          <button
            type="button"
            data-pinned
            aria-label={props.maximized ? `Restore ${title}` : `Maximise ${title}`}
            aria-pressed={props.maximized}
            title={props.maximized ? 'Restore' : 'Maximise'}
            onClick={props.onToggleMaximize}
          >
            {props.maximized ? '⤡' : '⤢'}
          </button>
          <button
            type="button"
            data-pinned
            aria-label={`Close ${title}`}
            title="Close pane"
            onClick={props.onClose}
          >
            ✕
          </button>
        </OverflowToolbar>
      </header>
      {article?.deletedAt !== undefined && (
        <p className="pane-trashed" role="status">
          In the Trash since {article.deletedAt.slice(0, 10)}: restore it from the library’s Trash
          to keep it.
        </p>
      )}
      {find.open && (
        <FindBar
          query={find.query}
          current={currentMatch}
          total={matches.length}
          onQuery={(query) => setFind({ open: true, query, current: 0 })}
          onStep={(direction) =>
            setFind((f) => ({
              ...f,
              current:
                matches.length === 0
                  ? 0
                  : (currentMatch + direction + matches.length) % matches.length
            }))
          }
          onClose={closeFind}
        />
      )}
      <div
        className="pane-body"
        ref={body}
        tabIndex={0}
        aria-label={`Text of ${title}`}
        aria-keyshortcuts="] [ } { Shift+ArrowRight Shift+ArrowLeft Shift+ArrowDown Shift+ArrowUp"
        onKeyDown={onSelectionKey}
        onScroll={(event) => {
          const element = event.currentTarget
          const room = element.scrollHeight - element.clientHeight
          props.onScroll(room > 0 ? element.scrollTop / room : 0)
        }}
      >
        {props.error ? (
          <p role="alert" className="pane-error">
            {props.error}
          </p>
        ) : article ? (
          <div className="reading-column" onClick={onTextClick}>
            <ArticleText text={article.text} onIndex={onIndex} />
          </div>
        ) : (
          <p className="pane-loading">Loading…</p>
        )}
        {article && (
          <ClaimLayer
            paneId={paneId}
            textIndex={textIndex}
            claims={props.claims}
            body={body}
            scrollToOffset={scrollToOffset}
          />
        )}
        {article && (
          <SuggestionLayer
            paneId={paneId}
            textIndex={textIndex}
            suggestions={props.suggestions}
            body={body}
            scrollToOffset={scrollToOffset}
          />
        )}
        <SelectionToolbar
          text={textContainer}
          body={body}
          onHighlight={props.onHighlight}
          onClaim={props.claims.onClaim}
        />
      </div>
      {props.notes}
    </article>
  )
}
