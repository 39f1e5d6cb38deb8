import type { ImportOutcome } from '../shared/importing'
import { oneLine } from './terminalSafe'

/** One line per file, as `dossier import` prints it. */
export function formatOutcome(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'imported':
      return [
        `imported   ${outcome.article.id}  ${outcome.name}  (${outcome.article.origin.encoding})`,
        ...(outcome.notices ?? []).map((notice) => `           note: ${notice}`)
      ].join('\n')
    case 'duplicate':
      return `duplicate  ${outcome.articleId}  ${outcome.name}  already in your library as "${outcome.title}"`
    case 'refused':
      return `refused    ${outcome.name}: ${outcome.message.replace(`${outcome.name}: `, '')}`
  }
}

/**
 * Aligned columns for `count` rows made by `cells(i)`, without keeping the rows: measures
 * every row, then returns the line of row `i` (the last column is not padded). A cell's
 * tabs, line breaks and control characters are shown as symbols (`oneLine`).
 */
export function tableLines(count: number, cells: (i: number) => string[]): (i: number) => string {
  const widths: number[] = []
  const cellsOf = (i: number): string[] => cells(i).map(oneLine)
  for (let i = 0; i < count; i++)
    cellsOf(i).forEach(
      (cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length))
    )
  return (i) => {
    const row = cellsOf(i)
    return row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
  }
}

/** Pads cells into aligned columns. */
export function formatTable(rows: string[][]): string {
  const line = tableLines(rows.length, (i) => rows[i]!)
  return rows.map((_, i) => line(i)).join('\n')
}
