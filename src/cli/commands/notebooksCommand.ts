import type { CliContext } from '../context'

export function defineNotebooks(cli: CliContext): void {
  cli.program
    .command('notebooks')
    .description('list the notebooks, most recently changed first: id, words, changed, title')
    .option('--trash', 'list the Trash instead')
    .action(async (options: { trash?: boolean }) => {
      const { formatTable } = await import('../format')
      await cli.withLibrary('CLI', async (library) => {
        const notebooks = library.listNotebooks({ trash: options.trash ?? false })
        cli.print(notebooks, () =>
          notebooks.length === 0
            ? options.trash
              ? 'No notebooks in the Trash.'
              : 'No notebooks yet. Start one in the app (Notebooks, or N).'
            : formatTable([
                ['ID', 'WORDS', 'CHANGED', 'TITLE'],
                ...notebooks.map((n) => [
                  n.id.slice(0, 8),
                  String(n.words),
                  n.updatedAt.slice(0, 16).replace('T', ' '),
                  n.title
                ])
              ])
        )
      })
    })
}
