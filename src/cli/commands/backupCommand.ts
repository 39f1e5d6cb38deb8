import type { CliContext } from '../context'
import { nonNegativeInt, positiveInt } from '../parsers'

interface BackupOptions {
  list?: boolean
  keep?: number
  days?: number
}

export function defineBackup(cli: CliContext): void {
  cli.program
    .command('backup')
    .description('take a verified backup now, list the backups, or set how many are kept')
    .option('--list', 'list the verified backups, newest first')
    .option('--keep <n>', 'keep the newest N backups (stored in the library)', positiveInt)
    .option('--days <d>', 'and the newest of each of the last D days (0: none)', nonNegativeInt)
    .action(async (options: BackupOptions) => {
      await cli.withLibrary('CLI', async (library) => {
        if (options.keep !== undefined || options.days !== undefined) {
          const current = library.backupRetention
          const set = await library.setBackupRetention({
            recent: options.keep ?? current.recent,
            days: options.days ?? current.days
          })
          cli.print(
            set,
            () => `keeping the newest ${set.recent} backups and one a day for ${set.days} days`
          )
          return
        }
        if (!options.list) {
          const taken = await library.backUpNow()
          if (!taken) throw new Error('no backup was taken: the library has an open problem.')
          cli.print(taken, () => `backed up  ${taken.files} files  to ${taken.dir}`)
          return
        }
        const backups = await library.listBackups()
        const { recent, days } = library.backupRetention
        cli.print(backups, () =>
          [
            backups.length === 0
              ? `No backups yet in ${library.backupDir}.`
              : backups.map((b) => `${b.takenAt}  ${b.files} files  ${b.dir}`).join('\n'),
            `Keeping the newest ${recent} and one a day for ${days} days (dossier backup --keep N --days D).`
          ].join('\n')
        )
      })
    })
}
