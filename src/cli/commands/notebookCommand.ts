import type { CliContext } from '../context'
import { oneOf } from '../parsers'
import { terminalSafe } from '../terminalSafe'

const FORMATS = ['md', 'json'] as const

export function defineNotebook(cli: CliContext): void {
  const notebook = cli.program.command('notebook').description('one notebook')

  notebook
    .command('show')
    .description('print a notebook as Markdown (md), or its stored document (json)')
    .argument('<name>', 'its title, its id, or a unique prefix of four or more characters of it')
    .option('--format <format>', `${FORMATS.join(' or ')} (default md)`, oneOf(FORMATS), 'md')
    .action(async (name: string, options: { format: (typeof FORMATS)[number] }) => {
      const { formatNotebook } = await import('../formatNotebook')
      await cli.withLibrary('CLI', async (library) => {
        const found = await library.getNotebook(name)
        const asJson = options.format === 'json' || cli.globals().json === true
        if (asJson) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`)
        const articles = [...library.listArticles(), ...library.listArticles({ trash: true })]
        const titles = new Map(articles.map((article) => [article.id, article.title]))
        process.stdout.write(`${terminalSafe(formatNotebook(found, titles))}\n`)
      })
    })
}
