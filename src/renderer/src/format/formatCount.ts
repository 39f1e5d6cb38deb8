const plural = new Intl.PluralRules('en')
const number = new Intl.NumberFormat('en')

/** The words of a count, in the app's language: "1 claim", "50,000 claims". */
export interface CountWords {
  one: string
  other: string
}

/** "1 claim", "0 claims", "50,000 claims": the form Intl.PluralRules picks for `count`. */
export function formatCount(count: number, words: CountWords): string {
  return `${number.format(count)} ${plural.select(count) === 'one' ? words.one : words.other}`
}
