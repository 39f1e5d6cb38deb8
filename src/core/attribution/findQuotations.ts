import type { AnalyzedText } from './analyzeText'

/** A quotation: the token indices of its opening and closing marks. */
export interface Quotation {
  open: number
  close: number
}

const OPENING = new Set(['“', '«', '„'])
const CLOSING = new Set(['”', '»'])

/**
 * Every quotation, in text order. Curly marks say which way they face; straight ones
 * alternate. A quotation never spans paragraphs: one left open at a paragraph's end is
 * dropped rather than paired with the next paragraph's first mark.
 */
export function findQuotations({ tokens, sentences }: AnalyzedText): Quotation[] {
  const quotations: Quotation[] = []
  let open: number | undefined
  let paragraph = -1
  for (let i = 0; i < tokens.length; i++) {
    const mark = tokens[i].text
    const here = sentences[tokens[i].sentence].paragraph
    if (here !== paragraph) {
      open = undefined
      paragraph = here
    }
    if (OPENING.has(mark)) open = i
    else if (CLOSING.has(mark) || (mark === '"' && open !== undefined)) {
      if (open !== undefined) quotations.push({ open, close: i })
      open = undefined
    } else if (mark === '"') open = i
  }
  return quotations
}
