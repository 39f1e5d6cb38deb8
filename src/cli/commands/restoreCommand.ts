import type { CliContext } from '../context'

export function defineRestore(cli: CliContext): void {
  cli.program
    .command('restore')
    .description(
      'restore a JSON backup (dossier export --format json): into an empty library exactly, or merged with --merge'
    )
    .argument('<file>', 'the backup')
    .option(
      '--merge',
      'merge into a library that has records: no duplicates, the newer version of each record wins'
    )
    .action(async (file: string, options: { merge?: boolean }) => {
      const [{ readFile }, { basename }, { restoreBackup }, { DossierError }] = await Promise.all([
        import('node:fs/promises'),
        import('node:path'),
        import('../../core/export/restoreBackup'),
        import('../../shared/result')
      ])
      const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new DossierError(
          'invalid_input',
          `${file}: cannot read the backup (${error.code ?? error.message}).`
        )
      })
      await cli.withLibrary('CLI', async (library) => {
        const summary = await restoreBackup(
          library,
          content,
          options.merge ? 'merge' : 'empty',
          basename(file)
        )
        const line = (label: string, counts: object): string =>
          `${label.padEnd(10)}${Object.entries(counts)
            .map(([kind, n]) => `${n} ${kind}`)
            .join(', ')}`
        cli.print(summary, () =>
          [
            `restored  ${basename(file)} (format ${summary.format}${summary.migrated ? ', upgraded' : ''}) ${options.merge ? 'merged into' : 'into'} ${library.dataDir}`,
            line('added', summary.added),
            ...(options.merge
              ? [
                  line('updated', summary.updated),
                  line('unchanged', summary.unchanged),
                  ...(Object.values(summary.keptDeleted).some((n) => n > 0)
                    ? [
                        `${line('kept deleted', summary.keptDeleted)} (deleted here for good since the backup)`
                      ]
                    : [])
                ]
              : []),
            ...(summary.conflicts > 0
              ? [
                  `conflicts ${summary.conflicts}: the newer version kept, the other in the record's conflicts`
                ]
              : [])
          ].join('\n')
        )
      })
    })
}
