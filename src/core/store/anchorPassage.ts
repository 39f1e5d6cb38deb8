import type { TextPosition, TextQuote } from '../../shared/annotation'
import { quoteAt, snapToCodePoint } from '../../shared/anchoring'
import { DossierError } from '../../shared/result'

/**
 * The anchor of `start`–`end` in an article's stored text: offsets that would split a
 * surrogate pair are widened to whole characters, and the quote is taken from the text, so
 * a client cannot store a quote that is not there. `field` names the input in errors.
 */
export function anchorPassage(
  text: string,
  { start, end }: { start: number; end: number },
  textLength: number,
  field = 'end'
): { position: TextPosition; quote: TextQuote } {
  if (end > textLength) {
    throw new DossierError(
      'invalid_input',
      `${field}: ${end} is past the end of the article (${textLength} characters).`
    )
  }
  if (end <= start) throw new DossierError('invalid_input', `${field}: must be after the start.`)
  const position = {
    start: snapToCodePoint(text, start, 'backward'),
    end: snapToCodePoint(text, end, 'forward')
  }
  const quote = quoteAt(text, position)
  if (quote.exact.trim() === '')
    throw new DossierError('invalid_input', 'The selected passage is only white space.')
  return { position, quote }
}
