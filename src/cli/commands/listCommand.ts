import type { CliContext } from '../context'
import { nonNegativeInt, positiveInt } from '../parsers'

export function defineList(cli: CliContext): void {
  cli.program
    .command('list')
    .description('list the articles in the library, newest first')
    .option('--trash', 'list the Trash instead')
    .option('--offset <n>', 'skip the first N articles', nonNegativeInt)
    .option('--limit <n>', 'list at most N articles', positiveInt)
    .action(async (options: { trash?: boolean; offset?: number; limit?: number }) => {
      const { writeLines } = await import('../writeLines')
      await cli.withLibrary('CLI', async (library) => {
        const all = library.listArticles({ trash: options.trash ?? false })
        const offset = options.offset ?? 0
        const articles =
          offset > 0 || options.limit !== undefined
            ? all.slice(offset, options.limit === undefined ? undefined : offset + options.limit)
            : all
        // Streamed a row (or a record) at a time: at 100,000 articles the whole table, or
        // the whole JSON, as one string would be hundreds of megabytes.
        if (cli.globals().json) {
          if (articles.length === 0) return writeLines(1, () => '[]')
          // The same bytes as JSON.stringify(articles, null, 2).
          return writeLines(articles.length + 2, (i) =>
            i === 0
              ? '['
              : i === articles.length + 1
                ? ']'
                : `  ${JSON.stringify(articles[i - 1], null, 2).replace(/\n/g, '\n  ')}${i < articles.length ? ',' : ''}`
          )
        }
        if (articles.length === 0)
          return writeLines(1, () =>
            all.length > 0
              ? `No articles past the first ${all.length}.`
              : 'No articles yet. Import some with: dossier import FILE…'
          )
        const header = ['ID', 'HIGHLIGHTS', 'CLAIMS', 'IMPORTED', 'TITLE']
        const cells = (i: number): string[] => {
          const a = articles[i]!
          return [
            a.id,
            String(a.counts.highlights),
            String(a.counts.claims),
            a.importedAt.slice(0, 10),
            a.title
          ]
        }
        const widths = header.map((cell) => cell.length)
        for (let i = 0; i < articles.length; i++)
          cells(i).forEach(
            (cell, column) => (widths[column] = Math.max(widths[column]!, cell.length))
          )
        const row = (values: string[]): string =>
          values
            .map((cell, column) =>
              column === values.length - 1 ? cell : cell.padEnd(widths[column]!)
            )
            .join('  ')
        await writeLines(articles.length + 1, (i) => row(i === 0 ? header : cells(i - 1)))
      })
    })
}
