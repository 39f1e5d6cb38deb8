import type { Annotation, HighlightColor } from '../../../shared/annotation'

interface Props {
  title: string | undefined
  annotations: Annotation[]
  selectedIds: ReadonlySet<string>
  colorNames: string[]
  onSelect(annotation: Annotation): void
  onDelete(annotation: Annotation): void
  onRecolor(annotation: Annotation, color: HighlightColor): void
}

/** The open article's highlights in text order; the accessible view of what is painted. */
export function AnnotationsPanel({
  title,
  annotations,
  selectedIds,
  colorNames,
  onSelect,
  onDelete,
  onRecolor
}: Props) {
  return (
    <aside className="annotations" aria-label="Annotations">
      <h2>Annotations</h2>
      {title === undefined ? (
        <p className="empty">Open an article to see its highlights.</p>
      ) : annotations.length === 0 ? (
        <p className="empty">No highlights in “{title}” yet. Select text and press H.</p>
      ) : (
        <ol className="annotation-list" aria-label={`Highlights in ${title}`}>
          {annotations.map((annotation) => (
            <li
              key={annotation.id}
              className={`annotation swatch-${annotation.color}${selectedIds.has(annotation.id) ? ' selected' : ''}`}
              aria-current={selectedIds.has(annotation.id) ? 'true' : undefined}
            >
              <button
                type="button"
                className="annotation-quote"
                aria-label={`${colorNames[annotation.color - 1]}: ${annotation.quote.exact}`}
                onClick={() => onSelect(annotation)}
              >
                <span className="annotation-colour">{colorNames[annotation.color - 1]}</span>
                <q>{annotation.quote.exact}</q>
              </button>
              {annotation.note && <p className="annotation-note">{annotation.note}</p>}
              <div className="annotation-actions">
                <select
                  aria-label="Colour"
                  value={annotation.color}
                  onChange={(event) =>
                    onRecolor(annotation, Number(event.target.value) as HighlightColor)
                  }
                >
                  {colorNames.map((name, i) => (
                    <option key={i} value={i + 1}>
                      {i + 1}. {name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-label={`Delete highlight “${annotation.quote.exact.slice(0, 40)}”`}
                  onClick={() => onDelete(annotation)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
