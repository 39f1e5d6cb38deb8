import type { Annotation } from '../../../shared/annotation'
import type { Claim } from '../../../shared/claim'
import type { PassageQuoteAttrs } from '../../../shared/richText'

/** A quote of a highlight or a claim, leading back to its passage in the article. */
export function passageQuoteOf(
  from: { kind: 'highlight'; annotation: Annotation } | { kind: 'claim'; claim: Claim },
  title: string
): PassageQuoteAttrs {
  const marked = from.kind === 'highlight' ? from.annotation : from.claim
  return {
    articleId: marked.articleId,
    annotationId: marked.id,
    kind: from.kind,
    start: marked.position.start,
    end: marked.position.end,
    // The offsets lead back to the whole passage; the note shows at most this much of it.
    exact: marked.quote.exact.slice(0, 100_000),
    title: title.slice(0, 1000)
  }
}
