const pad = (n: number): string => String(n).padStart(2, '0')

/** An ISO time as the analyst's clock shows it, to the minute: "2024-06-01 14:03". */
export function formatTime(iso: string): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}`
}
