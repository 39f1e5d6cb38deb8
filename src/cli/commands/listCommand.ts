import type { CliContext } from '../context'

export function defineList(cli: CliContext): void {
  cli.program
    .command('list')
    .description('list the articles in the library, newest first')
    .option('--trash', 'list the Trash instead')
    .action(async (options: { trash?: boolean }) => {
      const { formatTable } = await import('../format')
      await cli.withLibrary('CLI', async (library) => {
        const articles = library.listArticles({ trash: options.trash ?? false })
        cli.print(articles, () =>
          articles.length === 0
            ? 'No articles yet. Import some with: dossier import FILE…'
            : formatTable([
                ['ID', 'HIGHLIGHTS', 'CLAIMS', 'IMPORTED', 'TITLE'],
                ...articles.map((a) => [
                  a.id,
                  String(a.counts.highlights),
                  String(a.counts.claims),
                  a.importedAt.slice(0, 10),
                  a.title
                ])
              ])
        )
      })
    })
}
