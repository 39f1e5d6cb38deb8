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
      const { tableLines } = await import('../format')
      // Only the rows to print are taken, and the library is closed before printing: a slow
      // reader (`dossier list | less`) must not keep it locked until the pager ends.
      const { articles, total } = await cli.withLibrary('CLI', async (library) => {
        const all = library.listArticles({ trash: options.trash ?? false })
        const offset = options.offset ?? 0
        return {
          total: all.length,
          articles:
            offset > 0 || options.limit !== undefined
              ? all.slice(offset, options.limit === undefined ? undefined : offset + options.limit)
              : all
        }
      })
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
          total > 0
            ? `No articles past the first ${total}.`
            : 'No articles yet. Import some with: dossier import FILE…'
        )
      const header = ['ID', 'HIGHLIGHTS', 'CLAIMS', 'IMPORTED', 'TITLE']
      const line = tableLines(articles.length + 1, (i) => {
        if (i === 0) return header
        const a = articles[i - 1]!
        return [
          a.id,
          String(a.counts.highlights),
          String(a.counts.claims),
          a.importedAt.slice(0, 10),
          a.title
        ]
      })
      await writeLines(articles.length + 1, line)
    })
}
