/**
 * "Published" as typed, read into a normalised date for sorting and timelines: a small
 * strict parser (no guessing at "last Wednesday"). The typed text is always kept.
 */

/** English month names, January first, as Intl spells them. */
const MONTHS = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2000, month, 1)))
    .toLowerCase()
)

/** The forms understood, for messages and the field's placeholder. */
export const DATE_EXAMPLES = '2026-11-27, 27/11/2026, 27 Nov 2026 or November 27, 2026'

function monthOf(word: string): number | undefined {
  const name = word.toLowerCase().replace(/\.$/, '')
  if (name === 'sept') return 9
  const at = MONTHS.findIndex(
    (month) => month === name || (name.length === 3 && month.startsWith(name))
  )
  return at >= 0 ? at + 1 : undefined
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when the parts make a real date. */
function normalised(year: number, month?: number, day?: number): string | undefined {
  if (year < 1000 || year > 9999) return undefined
  if (month === undefined) return pad(year, 4)
  if (month < 1 || month > 12) return undefined
  if (day === undefined) return `${pad(year, 4)}-${pad(month)}`
  if (day < 1 || day > daysIn(year, month)) return undefined
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/
const MONTH_NAME_DAY = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/
const MONTH_NAME_YEAR = /^([A-Za-z]+\.?),?\s+(\d{4})$/

export type PublishedDate = { date: string } | { error: string }

/**
 * Reads a typed publication date: ISO 8601 (`2026-11-27`, also with a time, `2026-11`,
 * `2026`), day first with slashes, dots or dashes (`31/12/2025`), or with an English month
 * name (`27 Nov 2026`, `November 27, 2026`, `Nov 2026`). Anything else, or a day that
 * does not exist (31/02/2026), is an error saying what is understood.
 */
export function parsePublished(typed: string): PublishedDate {
  const text = typed.trim().replace(/\s+/g, ' ')
  let date: string | undefined
  let match: RegExpMatchArray | null
  if ((match = text.match(ISO)))
    date = normalised(
      Number(match[1]),
      match[2] === undefined ? undefined : Number(match[2]),
      match[3] === undefined ? undefined : Number(match[3])
    )
  else if ((match = text.match(DAY_FIRST)))
    date = normalised(Number(match[3]), Number(match[2]), Number(match[1]))
  else if ((match = text.match(DAY_MONTH_NAME))) {
    const month = monthOf(match[2]!)
    if (month) date = normalised(Number(match[3]), month, Number(match[1]))
  } else if ((match = text.match(MONTH_NAME_DAY))) {
    const month = monthOf(match[1]!)
    if (month) date = normalised(Number(match[3]), month, Number(match[2]))
  } else if ((match = text.match(MONTH_NAME_YEAR))) {
    const month = monthOf(match[1]!)
    if (month) date = normalised(Number(match[2]), month)
  }
  return date
    ? { date }
    : { error: `“${typed.trim()}” is not a date Dossier understands: use ${DATE_EXAMPLES}.` }
}

/** The normalised date of a typed one, or undefined when it has none or is not understood. */
export function publishedDateOf(typed: string | undefined): string | undefined {
  if (typed === undefined || typed.trim() === '') return undefined
  const parsed = parsePublished(typed)
  return 'date' in parsed ? parsed.date : undefined
}

/** Why a URL is refused (only http and https are links), or undefined when it is fine. */
export function urlProblem(typed: string): string | undefined {
  const text = typed.trim()
  if (text === '') return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `“${text}” is not a web address: it should start with https:// or http://.`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `“${text}” is a ${url.protocol.replace(/:$/, '')}: address; only http and https addresses are kept.`
  if (url.hostname === '') return `“${text}” has no host name.`
  return undefined
}
