import type { PassageQuoteAttrs } from '../../../shared/richText'

/** The drag type of a passage dragged from the annotations panel into a note. */
export const PASSAGE_MIME = 'application/x-dossier-passage'

/** Puts a quote on a drag: as a passage for note editors, as its words for anything else. */
export function startPassageDrag(event: React.DragEvent, quote: PassageQuoteAttrs): void {
  event.dataTransfer.setData(PASSAGE_MIME, JSON.stringify(quote))
  event.dataTransfer.setData('text/plain', `“${quote.exact}” — ${quote.title}`)
  event.dataTransfer.effectAllowed = 'copy'
}
