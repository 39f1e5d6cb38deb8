import { CLAIM_STATUSES, SEARCH_KINDS } from '../claimVocabulary'
import type { Library } from '../../core/store/Library'
import type { CliContext } from '../context'
import { collect, oneOf, positiveInt } from '../parsers'

interface SearchFlags {
  kind?: (typeof SEARCH_KINDS)[number][]
  status?: (typeof CLAIM_STATUSES)[number][]
  tag?: string
  source?: string
  since?: string
  before?: string
  limit?: number
}

/** How often a rebuild's progress is written to stderr. */
const PROGRESS_EVERY_MS = 1000

export function defineSearch(cli: CliContext): void {
  cli.program
    .command('search')
    .description(
      'search article texts, highlights, claims, notes, notebooks and sources: article id, kind, offsets and snippet of each hit'
    )
    .argument('<query...>', 'words (the last one may be a prefix); "quoted words" are a phrase')
    .option(
      '--kind <kind>',
      `only hits of this kind (repeatable): ${SEARCH_KINDS.join(', ')}`,
      (value: string, previous: string[] = []) => collect(oneOf(SEARCH_KINDS)(value), previous)
    )
    .option(
      '--status <status>',
      `only claims of this status (repeatable): ${CLAIM_STATUSES.join(', ')}`,
      (value: string, previous: string[] = []) => collect(oneOf(CLAIM_STATUSES)(value), previous)
    )
    .option('--tag <tag>', 'only what is tagged so, or in an article tagged so')
    .option('--source <name>', 'only the claims of this source, articles of this outlet')
    .option('--since <date>', 'only in articles imported on or after this date (YYYY-MM-DD)')
    .option('--before <date>', 'only in articles imported before this date (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many articles (20)', positiveInt)
    .action(async (words: string[], flags: SearchFlags) => {
      const [{ parseInput }, { DossierError }, { formatTable }] = await Promise.all([
        import('../flagErrors'),
        import('../../shared/result'),
        import('../format')
      ])
      // `dossier search ''` is a mistake, not a search for nothing.
      if (words.join('').trim() === '')
        throw new DossierError('invalid_input', 'QUERY: give at least one word to search for.')
      await cli.withLibrary('CLI', async (library) => {
        const source = flags.source === undefined ? undefined : library.findSource(flags.source)
        if (flags.source !== undefined && !source)
          throw new DossierError(
            'not_found',
            `--source: no source named “${flags.source}” in the registry (see dossier sources).`
          )
        const request = parseInput(
          'search',
          {
            query: words.join(' '),
            ...(flags.kind ? { kinds: flags.kind } : {}),
            ...(flags.status ? { statuses: flags.status } : {}),
            ...(flags.tag !== undefined ? { tag: flags.tag } : {}),
            ...(source ? { sourceId: source.id } : {}),
            ...(flags.since !== undefined ? { importedFrom: flags.since } : {}),
            ...(flags.before !== undefined ? { importedBefore: flags.before } : {}),
            ...(flags.limit !== undefined ? { limit: flags.limit } : {})
          },
          { importedFrom: '--since', importedBefore: '--before', query: 'QUERY' }
        )
        const answer = await waitForIndex(library, () =>
          library.search.search(request.query, request)
        )
        const hits = answer.groups.flatMap((group) =>
          group.hits.map((hit) => ({
            articleId: hit.articleId ?? null,
            kind: hit.kind,
            id: hit.id,
            start: hit.start ?? null,
            end: hit.end ?? null,
            field: hit.field,
            title: group.title,
            snippet: hit.snippet,
            marks: hit.marks
          }))
        )
        cli.print(hits, () =>
          hits.length === 0
            ? `Nothing found for ${request.query}.`
            : formatTable([
                ['ARTICLE', 'KIND', 'OFFSETS', 'SNIPPET'],
                ...hits.map((hit) => [
                  hit.articleId ?? '-',
                  hit.kind,
                  hit.start === null ? hit.field : `${hit.start}-${hit.end}`,
                  hit.snippet
                ])
              ])
        )
      })
    })
}

/**
 * The index loads at once when its file is current; when it is being rebuilt, says how far
 * it is on stderr every second, so that a first search in a large library is not silent.
 */
async function waitForIndex<T>(library: Library, search: () => Promise<T>): Promise<T> {
  library.search.start()
  const timer = setInterval(() => {
    const { state, done, total } = library.search.progress
    if (state === 'rebuilding' || state === 'catching-up')
      process.stderr.write(`dossier: search index ${state}, ${done} of ${total} articles\n`)
  }, PROGRESS_EVERY_MS)
  try {
    await library.search.settled()
    return await search()
  } finally {
    clearInterval(timer)
  }
}
