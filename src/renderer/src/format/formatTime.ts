const pad = (n: number): string => String(n).padStart(2, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** An ISO time as the analyst's clock shows it, to the minute: "2024-06-01 14:03". */
export function formatTime(iso: string): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}`
}

/**
 * An ISO time in a narrow column, as a mail client shows it: the time for today ("14:03"),
 * the day for this year ("3 Dec"), else the date ("2024-06-01"). The full time goes in the
 * cell's title (`formatTime`).
 */
export function formatShortTime(iso: string, now: Date = new Date()): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  const year = time.getFullYear()
  if (year !== now.getFullYear())
    return `${year}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`
  if (time.getMonth() !== now.getMonth() || time.getDate() !== now.getDate())
    return `${time.getDate()} ${MONTHS[time.getMonth()]}`
  return `${pad(time.getHours())}:${pad(time.getMinutes())}`
}

let sameDay: Date | undefined

/**
 * A time of today, the same object all day long, so rows given it are not drawn again for
 * it within a day; after midnight the next render of the board tells the days apart anew.
 */
export function today(): Date {
  const now = new Date()
  if (sameDay?.toDateString() !== now.toDateString()) sameDay = now
  return sameDay
}
