import type { CliContext } from '../context'

export function defineShow(cli: CliContext): void {
  cli.program
    .command('show')
    .description('show an article’s metadata, text and annotations')
    .argument('<id>', 'article id (or a unique prefix of one)')
    .action(async (id: string) => {
      await cli.withLibrary('CLI', async (library) => {
        const article = await library.getArticle(id)
        const annotations = await library.listAnnotations(article.id)
        cli.print({ ...article, annotations }, () =>
          [
            article.title,
            `id ${article.id} · ${article.origin.fileName ?? article.origin.kind} · ${article.origin.encoding} · imported ${article.importedAt}`,
            '',
            article.text,
            '',
            `${annotations.length} annotation(s)`,
            ...annotations.map(
              (a) =>
                `  [${a.position.start}–${a.position.end}] colour ${a.color} “${a.quote.exact}”${a.note ? ` — ${a.note}` : ''}  (${a.id})`
            )
          ].join('\n')
        )
      })
    })
}
