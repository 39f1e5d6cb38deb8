import { escapeHtml } from './escapeHtml'

/** A stretch of an article to mark: its classes, and the number its note is listed under. */
export interface MarkedSpan {
  start: number
  end: number
  className: string
  /** Where the span's entry is (`#…`), and the number shown after the span. */
  anchor: string
  number: number
}

/**
 * An article's text as HTML with its highlights and claims marked. Overlapping spans are
 * cut at every boundary, so each piece is one `<mark>` carrying the classes of every span
 * over it and the text is never reordered; each span ends with its number, linking to its
 * entry. All of the text is escaped.
 */
export function markedText(text: string, spans: readonly MarkedSpan[]): string {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((cut) => cut >= 0 && cut <= text.length)
    .sort((a, b) => a - b)
  const endingAt = new Map<number, MarkedSpan[]>()
  for (const span of spans) endingAt.set(span.end, [...(endingAt.get(span.end) ?? []), span])
  let html = ''
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    const over = spans.filter((span) => span.start <= from && span.end >= to)
    const piece = escapeHtml(text.slice(from, to))
    html +=
      over.length === 0
        ? piece
        : `<mark class="${escapeHtml([...new Set(over.map((s) => s.className))].join(' '))}">${piece}</mark>`
    for (const span of endingAt.get(to) ?? [])
      html += `<sup class="ref"><a href="#${escapeHtml(span.anchor)}">${span.number}</a></sup>`
  }
  return html
}
