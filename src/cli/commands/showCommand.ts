import type { CliContext } from '../context'

export function defineShow(cli: CliContext): void {
  cli.program
    .command('show')
    .description('show an article’s metadata, text, annotations, claims and their links')
    .argument('<id>', 'article id (or a unique prefix of one)')
    .action(async (id: string) => {
      const [{ formatClaim }, { docToPlain }, { formatCount }] = await Promise.all([
        import('../formatClaim'),
        import('../../shared/richText'),
        import('../../shared/formatCount')
      ])
      await cli.withLibrary('CLI', async (library) => {
        const article = await library.getArticle(id)
        const [annotations, claims, links, sources] = await Promise.all([
          library.listAnnotations(article.id),
          library.listClaims(article.id),
          library.listLinks(article.id),
          library.listSources()
        ])
        const sourceById = new Map(sources.map((source) => [source.id, source]))
        cli.print({ ...article, annotations, claims, links }, () =>
          [
            article.title,
            `id ${article.id} · ${article.origin.fileName ?? article.origin.kind} · ${article.origin.encoding} · imported ${article.importedAt}`,
            ...(article.publishedAt
              ? [
                  `published ${article.publishedAt}${article.publishedDate ? ` (${article.publishedDate})` : ' (not a date Dossier understands)'}`
                ]
              : []),
            ...(article.arrivals ?? []).map(
              (arrival) =>
                `also arrived as ${arrival.fileName ?? arrival.kind} · ${arrival.encoding} · sha256 ${arrival.byteSha256} · ${arrival.arrivedAt}`
            ),
            '',
            article.text,
            '',
            formatCount(annotations.length, 'annotation'),
            ...annotations.map((a) => {
              const note = docToPlain(a.note).trim().replace(/\n/g, ' / ')
              return `  [${a.position.start}–${a.position.end}] colour ${a.color} “${a.quote.exact}”${note ? ` — ${note}` : ''}  (${a.id})`
            }),
            formatCount(claims.length, 'claim'),
            ...claims.flatMap((claim) =>
              formatClaim(
                claim,
                claim.sourceId ? sourceById.get(claim.sourceId) : undefined,
                links.filter(
                  (linked) =>
                    (linked.outgoing ? linked.link.fromClaimId : linked.link.toClaimId) === claim.id
                )
              )
            )
          ].join('\n')
        )
      })
    })
}
