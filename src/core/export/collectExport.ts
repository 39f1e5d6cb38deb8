import type { ExportRequest } from '../../shared/exporting'
import type { RichDoc } from '../../shared/richText'
import type { Library } from '../store/Library'
import type { ExportJob } from './ExportJob'
import type { ExportArticle, ExportSet } from './ExportSet'
import { passageQuotesIn } from './passageQuotesIn'
import { noteHasText } from './noteHasText'
import type { ExportScope } from './resolveScope'

type Filters = Pick<ExportRequest, 'status' | 'tag' | 'kind'>

/**
 * Reads what a readable export shows, article by article: live highlights and claims in
 * text order, the article's notes, the links of its claims, the scope's notebooks. The
 * filters keep the records of one kind, the claims of one status, or the claims with a
 * tag and everything of the articles with it; an article left with nothing then goes, and
 * notebooks stay only without filters (or as the scope itself). A notebook's scope keeps
 * every article it quotes, with just the highlights and claims it quotes.
 */
export async function collectExport(
  library: Library,
  scope: ExportScope,
  filters: Filters,
  job: ExportJob,
  exportedAt = new Date().toISOString()
): Promise<ExportSet> {
  job.start(scope.articleIds.length + scope.notebookIds.length)
  const filtered = filters.status !== undefined || filters.tag !== undefined || !!filters.kind
  const notebooks = []
  if (scope.kind === 'notebook' || !filtered || filters.kind === 'note') {
    for (const id of scope.notebookIds) {
      notebooks.push(await library.getNotebook(id))
      await job.step()
    }
  }
  const quoted =
    scope.kind === 'notebook'
      ? new Set(notebooks.flatMap((n) => passageQuotesIn(n.doc).map((q) => q.annotationId)))
      : undefined

  const articles: ExportArticle[] = []
  const titles = new Map(
    [...library.listArticles(), ...library.listArticles({ trash: true })].map((a) => [
      a.id,
      a.title
    ])
  )
  for await (const records of library.records.articles(scope.articleIds)) {
    const { article: meta, text } = records
    const wanted = <T extends { id: string }>(record: T): boolean =>
      quoted === undefined || quoted.has(record.id)
    const tagged = filters.tag !== undefined && meta.tags.includes(filters.tag)
    const plain = filters.status === undefined && (filters.tag === undefined || tagged)
    const entry: ExportArticle = {
      article: { ...meta, text },
      highlights:
        plain && kindWanted(filters, 'highlight') ? records.annotations.filter(wanted) : [],
      claims: kindWanted(filters, 'claim')
        ? records.claims.filter(
            (claim) =>
              claim.deletedAt === undefined &&
              wanted(claim) &&
              (filters.status === undefined || claim.status === filters.status) &&
              (filters.tag === undefined || tagged || claim.tags.includes(filters.tag))
          )
        : [],
      links: [],
      ...(plain &&
      kindWanted(filters, 'note') &&
      quoted === undefined &&
      hasText(records.articleNote)
        ? { note: records.articleNote }
        : {})
    }
    const byPosition = (a: { position: { start: number; end: number } }, b: typeof a): number =>
      a.position.start - b.position.start || a.position.end - b.position.end
    entry.highlights.sort(byPosition)
    entry.claims.sort(byPosition)
    const claimIds = new Set(entry.claims.map((claim) => claim.id))
    if (claimIds.size > 0)
      entry.links = (await library.listLinks(meta.id)).filter((linked) =>
        claimIds.has(linked.outgoing ? linked.link.fromClaimId : linked.link.toClaimId)
      )
    const empty = entry.highlights.length + entry.claims.length === 0 && !entry.note
    // A notebook keeps every article it quotes: its passages are targets, even unannotated.
    if (!(empty && filtered)) articles.push(entry)
    await job.step()
  }

  const named = new Set(articles.flatMap((a) => a.claims.flatMap((claim) => claim.sourceId ?? [])))
  const sources = new Map(
    (await library.listSources())
      .filter((source) => named.has(source.id))
      .map((source) => [source.id, source])
  )
  const { colorNames } = await library.workspace.get()
  return { scope, exportedAt, articles, notebooks, sources, titles, colorNames }
}

function kindWanted(filters: Filters, kind: NonNullable<Filters['kind']>): boolean {
  return filters.kind === undefined || filters.kind === kind
}

function hasText(note: { doc: RichDoc } | undefined): boolean {
  return note !== undefined && noteHasText(note.doc)
}
