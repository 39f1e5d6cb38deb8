const plural = new Intl.PluralRules('en')
const number = new Intl.NumberFormat('en')

/** The words of a count, in the app's language: "1 claim", "50,000 claims". */
export interface CountWords {
  one: string
  other: string
}

/** "1 claim", "0 claims", "50,000 claims": the form Intl.PluralRules picks for `count`. */
export function formatCount(count: number, words: CountWords | string): string {
  const { one, other } = typeof words === 'string' ? { one: words, other: `${words}s` } : words
  return `${number.format(count)} ${plural.select(count) === 'one' ? one : other}`
}

/** "3 of 5 articles", or "5 articles" when all are shown: a count that respects a filter. */
export function formatShown(shown: number, total: number, words: CountWords | string): string {
  return shown === total
    ? formatCount(total, words)
    : `${number.format(shown)} of ${formatCount(total, words)}`
}
