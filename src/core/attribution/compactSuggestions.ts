import type { SuggestedAttribution, Suggestion } from '../../shared/suggestion'

const ATTRIBUTION_CODES: readonly SuggestedAttribution[] = ['named', 'anonymous', 'unattributed']

/**
 * Suggestions as numbers, since every string of one is a slice of the article's text: one
 * row `[start, end, cueStart, cueEnd, claimantStart, claimantEnd, referenceStart,
 * referenceEnd, attribution]` each, -1 for an offset that is not there, as JSON. What the
 * suggestions cache keeps, and what the library pass's worker sends back: a string crosses
 * threads in one copy, where thousands of objects would be rebuilt one by one.
 */
export function encodeSuggestionRows(suggestions: readonly Suggestion[]): string {
  return JSON.stringify(
    suggestions.map((s) => [
      s.start,
      s.end,
      s.cueStart,
      s.cueEnd,
      s.claimantStart ?? -1,
      s.claimantEnd ?? -1,
      s.referenceStart ?? -1,
      s.referenceEnd ?? -1,
      ATTRIBUTION_CODES.indexOf(s.attribution)
    ])
  )
}

/**
 * The suggestions of decoded rows, against the article's text; undefined when they do not
 * fit it (offsets outside it, an unknown type).
 */
export function decodeSuggestionRows(rows: unknown, text: string): Suggestion[] | undefined {
  if (!Array.isArray(rows)) return undefined
  const suggestions: Suggestion[] = []
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 9 || !row.every(Number.isInteger)) return undefined
    const [start, end, cueStart, cueEnd, claimantStart, claimantEnd, refStart, refEnd, type] =
      row as number[]
    const attribution = ATTRIBUTION_CODES[type]
    const fits = (from: number, to: number): boolean => 0 <= from && from <= to && to <= text.length
    if (!attribution || !fits(start, end) || !fits(cueStart, cueEnd)) return undefined
    const suggestion: Suggestion = {
      start,
      end,
      quote: text.slice(start, end),
      claimant: '',
      cue: text.slice(cueStart, cueEnd),
      cueStart,
      cueEnd,
      attribution
    }
    if (claimantStart >= 0) {
      if (!fits(claimantStart, claimantEnd)) return undefined
      suggestion.claimant = text.slice(claimantStart, claimantEnd)
      suggestion.claimantStart = claimantStart
      suggestion.claimantEnd = claimantEnd
    }
    if (refStart >= 0) {
      if (!fits(refStart, refEnd)) return undefined
      suggestion.referenceStart = refStart
      suggestion.referenceEnd = refEnd
    }
    suggestions.push(suggestion)
  }
  return suggestions
}
