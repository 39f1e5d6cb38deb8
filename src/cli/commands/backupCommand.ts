import type { CliContext } from '../context'

export function defineBackup(cli: CliContext): void {
  cli.program
    .command('backup')
    .description('take a verified backup now, or list the backups')
    .option('--list', 'list the verified backups, newest first')
    .action(async (options: { list?: boolean }) => {
      await cli.withLibrary('CLI', async (library) => {
        if (!options.list) {
          const taken = await library.backUpNow()
          if (!taken) throw new Error('no backup was taken: the library has an open problem.')
          cli.print(taken, () => `backed up  ${taken.files} files  to ${taken.dir}`)
          return
        }
        const backups = await library.listBackups()
        cli.print(backups, () =>
          backups.length === 0
            ? `No backups yet in ${library.backupDir}.`
            : backups.map((b) => `${b.takenAt}  ${b.files} files  ${b.dir}`).join('\n')
        )
      })
    })
}
