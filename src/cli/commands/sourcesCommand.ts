import type { Reliability } from '../../shared/source'
import type { CliContext } from '../context'
import { reliability } from '../parsers'

export function defineSources(cli: CliContext): void {
  const sources = cli.program
    .command('sources')
    .description('list the sources registry: each claimant, its reliability and track record')
    .action(async () => {
      const { formatTable } = await import('../format')
      await cli.withLibrary('CLI', async (library) => {
        const records = await library.listSources()
        cli.print(records, () =>
          records.length === 0
            ? 'No sources yet. Name one with: dossier annotate ID --quote TEXT --claim --claimant NAME'
            : formatTable([
                [
                  'NAME',
                  'KIND',
                  'RELIABILITY',
                  'CLAIMS',
                  'SUPPORTED',
                  'DISPUTED',
                  'REFUTED',
                  'ALIASES'
                ],
                ...records.map((source) => [
                  source.name,
                  source.kind,
                  source.reliability ?? '-',
                  String(source.claims),
                  String(source.byStatus.supported),
                  String(source.byStatus.disputed),
                  String(source.byStatus.refuted),
                  source.aliases.join(', ')
                ])
              ])
        )
      })
    })

  sources
    .command('grade')
    .description("grade a source's reliability; the change and its reason are kept in its history")
    .argument('<name>', "the source's name or one of its aliases")
    .argument('<grade>', 'A (completely reliable) to F (reliability cannot be judged)', reliability)
    .requiredOption('--reason <text>', 'why the grade changes')
    .action(async (name: string, grade: Reliability, options: { reason: string }) => {
      const [{ parseInput }, { DossierError }] = await Promise.all([
        import('../flagErrors'),
        import('../../shared/result')
      ])
      await cli.withLibrary('CLI', async (library) => {
        const found = library.findSource(name)
        if (!found)
          throw new DossierError(
            'not_found',
            `NAME: no source named “${name}” in the registry (see dossier sources).`
          )
        const before = found.reliability
        const input = parseInput(
          'gradeSource',
          { id: found.id, reliability: grade, reason: options.reason },
          { reliability: 'GRADE', reason: '--reason' }
        )
        const source = await library.gradeSource(input)
        cli.print(
          source,
          () => `graded     ${source.name}  ${before ?? '-'} → ${grade}  (${options.reason})`
        )
      })
    })
}
