import type { ExportResult, RestoreCounts, RestoreSummary } from '../../../shared/exporting'
import { formatCount } from '../../../shared/formatCount'

/** "3 articles, 12 highlights, 4 claims" — the parts that are not zero. */
export function describeCounts(counts: ExportResult['counts'] | RestoreCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n.toLocaleString()} ${n === 1 ? kind.replace(/s$/, '') : kind}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}

/** What a restore did, in the lines the summary shows. */
export function describeRestore(summary: RestoreSummary): string[] {
  return [
    `Added: ${describeCounts(summary.added)}.`,
    ...(summary.mode === 'merge'
      ? [
          `Updated: ${describeCounts(summary.updated)}.`,
          `Already the same: ${describeCounts(summary.unchanged)}.`,
          ...(Object.values(summary.keptDeleted).some((n) => n > 0)
            ? [
                `Deleted here for good since the backup, so not brought back: ${describeCounts(summary.keptDeleted)}.`
              ]
            : [])
        ]
      : []),
    ...(summary.conflicts > 0
      ? [
          `${formatCount(summary.conflicts, 'record')} had changed on both sides: the newer version was kept, the other is kept with it.`
        ]
      : []),
    ...(summary.migrated ? [`The backup was in format ${summary.format}; it was upgraded.`] : [])
  ]
}
