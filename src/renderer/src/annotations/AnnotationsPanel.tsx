import { OverlapLegend } from '../reader/OverlapLegend'
import { lineLanguage } from '../reader/cjkLanguage'
import { JapaneseArticle } from '../reader/JapaneseArticle'
import { useContext, useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { Annotation, HighlightColor } from '../../../shared/annotation'
import { docToPlain, isEmptyDoc } from '../../../shared/richText'
import { HighlightNote } from '../notes/HighlightNote'
import { SaveStatus } from '../notes/SaveStatus'
import type { UnsavedRecord } from '../saving/RecordSaves'
import { useNotesWorkbench } from '../notes/NotesContext'
import { startPassageDrag } from '../notes/passageDrag'
import { useVirtualRows } from '../workspace/useVirtualRows'

interface Props {
  title: string | undefined
  annotations: Annotation[]
  selectedIds: ReadonlySet<string>
  /** Highlights whose last change is not on disk yet, being retried. */
  unsaved: ReadonlyMap<string, UnsavedRecord>
  colorNames: string[]
  onSelect(annotation: Annotation): void
  onDelete(annotations: Annotation[]): void
  onRecolor(annotations: Annotation[], color: HighlightColor): void
  /** A highlight's note saved itself; the highlight as now stored. */
  onNoteSaved(annotation: Annotation): void
  /** The selected claim's card, shown first. */
  claimCard: ReactNode
  /** The open article's claims, listed above its highlights. */
  claimList: ReactNode
}

/** Each row is one line of fixed height, so only the rows in view are in the DOM. */
const ROW_HEIGHT = 56
const OVERSCAN = 8

/**
 * The open article's highlights in text order — the accessible view of what is painted.
 * The list is windowed: an article with 5,000 highlights renders a few dozen rows.
 */
export function AnnotationsPanel(props: Props) {
  const { title, annotations, selectedIds, unsaved, colorNames } = props
  const japanese = useContext(JapaneseArticle)
  const notes = useNotesWorkbench()
  // The row with keyboard focus stays rendered when the list scrolls away from it.
  const [focused, setFocused] = useState<number>()
  const { ref, onScroll, reveal, indexes, element } = useVirtualRows(
    annotations.length,
    ROW_HEIGHT,
    OVERSCAN,
    focused
  )
  const selected = annotations.filter((a) => selectedIds.has(a.id))
  const selectedUnsaved = selected.map((a) => unsaved.get(a.id)).find(Boolean)
  // Deletions not on disk yet: their highlights are gone from the list, so said here.
  const shown = new Set(annotations.map((a) => a.id))
  const unsavedDeletions = [...unsaved.keys()].filter((id) => !shown.has(id)).length

  // Bring the first selected highlight into the list's view, e.g. after a click in the text.
  const firstSelected = annotations.findIndex((a) => selectedIds.has(a.id))
  useEffect(() => reveal(firstSelected, 'nearest'), [firstSelected, reveal])

  const focusRow = (index: number): void => {
    if (index < 0 || index >= annotations.length) return
    reveal(index, 'center')
    requestAnimationFrame(() =>
      element.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"]`)?.focus()
    )
  }

  // Focus and selection are one: the row the keyboard moves to is the highlight that Delete,
  // the number keys and the card act on.
  const moveTo = (index: number): void => {
    const annotation = annotations[index]
    if (!annotation) return
    props.onSelect(annotation)
    focusRow(index)
  }

  return (
    <aside className="annotations" aria-label="Annotations">
      <h2>Annotations</h2>
      {props.claimCard}
      {selected.length > 0 && (
        <section className="annotation-card" aria-label="Selected highlight">
          {selected.map((annotation) => (
            <blockquote key={annotation.id} className={`swatch-${annotation.color}`}>
              <span className="annotation-colour">{colorNames[annotation.color - 1]}</span>
              {annotation.quote.exact}
              {selected.length > 1 && !isEmptyDoc(annotation.note) && (
                <p className="annotation-note">{docToPlain(annotation.note)}</p>
              )}
            </blockquote>
          ))}
          {selected.length === 1 && (
            <HighlightNote
              key={selected[0]!.id}
              annotation={selected[0]!}
              onSaved={props.onNoteSaved}
            />
          )}
          {selectedUnsaved && (
            <SaveStatus state={selectedUnsaved.state} problem={selectedUnsaved.problem} />
          )}
          <div className="annotation-actions">
            <select
              aria-label="Colour of the selected highlight"
              value={selected.length === 1 ? selected[0]!.color : ''}
              onChange={(event) =>
                props.onRecolor(selected, Number(event.target.value) as HighlightColor)
              }
            >
              {selected.length > 1 && <option value="">Colour…</option>}
              {colorNames.map((name, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}. {name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => props.onDelete(selected)}>
              {selected.length === 1 ? 'Delete highlight' : `Delete ${selected.length} highlights`}
            </button>
          </div>
        </section>
      )}
      <div className="annotation-lists">
        {props.claimList}
        <div className="highlights-section">
          <h3 className="highlights-heading">
            Highlights
            {title !== undefined && annotations.length > 0 ? ` (${annotations.length})` : ''}
          </h3>
          {unsavedDeletions > 0 && (
            <p className="unsaved-deletions">
              <SaveStatus state="failed" />{' '}
              {unsavedDeletions === 1
                ? 'Deleting a highlight'
                : `Deleting ${unsavedDeletions} highlights`}
            </p>
          )}
          {title === undefined ? (
            <p className="empty">Open an article to see its highlights and claims.</p>
          ) : annotations.length === 0 ? (
            <p className="empty">No highlights in “{title}” yet. Select text and press H.</p>
          ) : (
            <>
              <OverlapLegend />
              <div className="annotation-scroll" ref={ref} onScroll={onScroll}>
                <ol
                  className="annotation-list"
                  aria-label={`Highlights in ${title}`}
                  style={{ height: annotations.length * ROW_HEIGHT }}
                >
                  {indexes.map((index) => {
                    const annotation = annotations[index]!
                    const isSelected = selectedIds.has(annotation.id)
                    const notSaved = unsaved.has(annotation.id)
                    return (
                      <li
                        key={annotation.id}
                        className={`annotation swatch-${annotation.color}${isSelected ? ' selected' : ''}`}
                        style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT - 4 }}
                        aria-setsize={annotations.length}
                        aria-posinset={index + 1}
                      >
                        <button
                          type="button"
                          className="annotation-quote"
                          data-index={index}
                          aria-current={isSelected ? 'true' : undefined}
                          aria-label={`${colorNames[annotation.color - 1]}: ${annotation.quote.exact}${notSaved ? ' (not saved, retrying)' : ''}`}
                          onClick={() => props.onSelect(annotation)}
                          draggable
                          onDragStart={(event) =>
                            startPassageDrag(
                              event,
                              notes.quoteOf({ kind: 'highlight', annotation })
                            )
                          }
                          onFocus={() => setFocused(index)}
                          onBlur={() => setFocused(undefined)}
                          onKeyDown={(event) => {
                            const to = {
                              ArrowDown: index + 1,
                              ArrowUp: index - 1,
                              Home: 0,
                              End: annotations.length - 1
                            }[event.key]
                            if (to === undefined) return
                            event.preventDefault()
                            moveTo(to)
                          }}
                        >
                          <span className="annotation-colour">
                            {colorNames[annotation.color - 1]}
                          </span>
                          <span
                            className="annotation-text"
                            lang={lineLanguage(annotation.quote.exact, japanese)}
                          >
                            {annotation.quote.exact}
                          </span>
                          {notSaved && (
                            <span className="annotation-unsaved" aria-hidden="true">
                              ⚠ Not saved
                            </span>
                          )}
                        </button>
                      </li>
                    )
                  })}
                </ol>
              </div>
            </>
          )}
        </div>
      </div>
    </aside>
  )
}
