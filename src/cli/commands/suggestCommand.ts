import type { CliContext } from '../context'

interface SuggestOptions {
  accept?: boolean
}

export function defineSuggest(cli: CliContext): void {
  cli.program
    .command('suggest')
    .description(
      'the claims the attribution finder proposes in an article, one per line: offsets in the stored text, attribution, claimant, cue, quote'
    )
    .argument('<id>', 'article id (or a unique prefix of one)')
    .option(
      '--accept',
      'make every suggestion a claim (claimant from the registry, or added; attribution; the cue as its attribution phrase)'
    )
    .action(async (id: string, options: SuggestOptions) => {
      const [{ ClaimSuggestions }, { formatTable }, { formatQuote }] = await Promise.all([
        import('../../core/suggestions/ClaimSuggestions'),
        import('../format'),
        import('../formatQuote')
      ])
      await cli.withLibrary('CLI', async (library) => {
        const article = library.findArticle(id)
        const suggestions = new ClaimSuggestions(library)
        const open = await suggestions.list(article.id)
        if (open.length === 0) {
          cli.print(options.accept ? { claims: [], sources: [] } : [], () => {
            return `No suggestions in “${article.title}”: the finder proposes none that is not already a claim or rejected.`
          })
          return
        }
        if (!options.accept) {
          const rows = open.map(({ start, end, quote, claimant, cue, attribution }) => ({
            start,
            end,
            quote,
            claimant,
            cue,
            attribution
          }))
          cli.print(rows, () =>
            formatTable(
              rows.map((row) => [
                `${row.start}-${row.end}`,
                row.attribution,
                row.claimant || '-',
                row.cue,
                formatQuote(row.quote)
              ])
            )
          )
          return
        }
        const accepted = await suggestions.accept(
          article.id,
          open.map((suggestion) => suggestion.key)
        )
        const names = new Map((await library.listSources()).map((s) => [s.id, s.name]))
        cli.print(accepted, () =>
          formatTable([
            ...accepted.claims.map((claim) => [
              'claimed',
              claim.id,
              claim.attribution,
              (claim.sourceId && names.get(claim.sourceId)) || '-',
              formatQuote(claim.quote.exact)
            ]),
            ...accepted.sources.map((source) => ['added', source.id, source.kind, source.name])
          ])
        )
      })
    })
}
