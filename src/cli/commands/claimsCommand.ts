import { CLAIM_STATUSES } from '../claimVocabulary'
import type { ClaimStatus } from '../../shared/claim'
import type { CliContext } from '../context'
import { oneOf } from '../parsers'

interface ClaimsOptions {
  status?: ClaimStatus
  source?: string
}

export function defineClaims(cli: CliContext): void {
  cli.program
    .command('claims')
    .description('list every claim outside the Trash: id, grade, status, claimant, quote, article')
    .option(
      '--status <status>',
      `only claims of this status: ${CLAIM_STATUSES.join(', ')}`,
      oneOf(CLAIM_STATUSES)
    )
    .option('--source <name>', 'only the claims of this source (its name or an alias)')
    .action(async (options: ClaimsOptions) => {
      const [{ gradeCode }, { shortIdLength }, { formatQuote }, { formatTable }, { DossierError }] =
        await Promise.all([
          import('../../shared/claim'),
          import('../claimIds'),
          import('../formatQuote'),
          import('../format'),
          import('../../shared/result')
        ])
      await cli.withLibrary('CLI', async (library) => {
        const source = options.source === undefined ? undefined : library.findSource(options.source)
        if (options.source !== undefined && !source)
          throw new DossierError(
            'not_found',
            `--source: no source named “${options.source}” in the registry (see dossier sources).`
          )
        const all = await library.claimBoardRows()
        const rows = all
          .filter(
            (row) =>
              (!options.status || row.status === options.status) &&
              (!source || row.sourceId === source.id)
          )
          .sort((a, b) => a.articleTitle.localeCompare(b.articleTitle) || a.start - b.start)
          .map((row) => ({ ...row, grade: gradeCode(row.reliability, row.credibility) }))
        const idLength = shortIdLength(all.map((row) => row.id))
        cli.print(rows, () =>
          rows.length === 0
            ? all.length === 0
              ? 'No claims yet. Mark one with: dossier annotate ID --quote TEXT --claim'
              : 'No claims match.'
            : formatTable([
                ['ID', 'GRADE', 'STATUS', 'CLAIMANT', 'QUOTE', 'ARTICLE'],
                ...rows.map((row) => [
                  row.id.slice(0, idLength),
                  row.grade,
                  row.status,
                  row.sourceName ?? '-',
                  formatQuote(row.exact),
                  row.articleTitle
                ])
              ])
        )
      })
    })
}
