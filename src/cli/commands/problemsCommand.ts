import type { CliContext } from '../context'

export function defineProblems(cli: CliContext): void {
  cli.program
    .command('problems')
    .description('damaged files found in the library and what Dossier did about them')
    .option('--ack <id>', 'acknowledge a problem (changes it blocked are allowed again)')
    .action(async (options: { ack?: string }) => {
      await cli.withLibrary('CLI', async (library) => {
        if (options.ack) await library.acknowledgeProblem(options.ack)
        const problems = library.listProblems()
        cli.print(problems, () =>
          problems.length === 0
            ? 'No open problems.'
            : problems.map((p) => `${p.id}  ${p.at.slice(0, 19)}  ${p.message}`).join('\n')
        )
      })
    })
}
