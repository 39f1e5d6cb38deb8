import { Option } from 'commander'
import type { CliContext } from '../context'
import { colorSlot, positiveInt } from '../parsers'

interface AnnotateOptions {
  quote: string
  occurrence: number
  note?: string
  color: number
}

export function defineAnnotate(cli: CliContext): void {
  cli.program
    .command('annotate')
    .description('highlight the N-th exact occurrence of a quote in an article')
    .argument('<id>', 'article id (or a unique prefix of one)')
    .requiredOption('--quote <text>', 'the exact passage to highlight')
    .option('--occurrence <n>', 'which occurrence of the quote', positiveInt, 1)
    .option('--note <text>', 'a note on the highlight')
    .addOption(
      new Option('--color <name>', 'colour slot 1–6 or its name').argParser(colorSlot).default(1)
    )
    .action(async (id: string, options: AnnotateOptions) => {
      const { findQuote } = await import('../../shared/anchoring')
      const { DossierError } = await import('../../shared/result')
      await cli.withLibrary('CLI', async (library) => {
        const article = await library.getArticle(id)
        const position = findQuote(article.text, options.quote, options.occurrence)
        if (!position) {
          throw new DossierError(
            'not_found',
            `--quote: occurrence ${options.occurrence} of “${options.quote}” is not in “${article.title}”.`
          )
        }
        const annotation = await library.createAnnotation({
          articleId: article.id,
          ...position,
          color: options.color,
          ...(options.note !== undefined ? { note: options.note } : {})
        })
        cli.print(
          annotation,
          () =>
            `annotated  ${annotation.id}  [${position.start}–${position.end}] “${annotation.quote.exact}”`
        )
      })
    })
}
