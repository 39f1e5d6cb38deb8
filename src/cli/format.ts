import type { ImportOutcome } from '../shared/importing'

/** One line per file, as `dossier import` prints it. */
export function formatOutcome(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'imported':
      return `imported   ${outcome.article.id}  ${outcome.name}  (${outcome.article.origin.encoding})`
    case 'duplicate':
      return `duplicate  ${outcome.articleId}  ${outcome.name}  already in your library as "${outcome.title}"`
    case 'refused':
      return `refused    ${outcome.name}: ${outcome.message.replace(`${outcome.name}: `, '')}`
  }
}

/** Pads cells into aligned columns. */
export function formatTable(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')
    )
    .join('\n')
}
