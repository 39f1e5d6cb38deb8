import type { ExportResult } from '../../shared/exporting'
import { DOSSIER_VERSION } from '../../shared/version'
import { FORMAT_VERSION } from '../store/files'
import type { Library } from '../store/Library'
import type { ArticleRecords } from '../store/LibraryRecords'
import type { BackupDocument } from './BackupDocument'
import { BACKUP_KIND } from './BackupDocument'
import type { ExportJob } from './ExportJob'
import type { ExportScope } from './resolveScope'

/**
 * The JSON backup of a scope, losslessly: every record as the files hold it. The whole
 * library brings the Trash, the tombstones and the workspace; some articles bring the
 * sources their claims name and the links among them (a link to an article left out would
 * point nowhere); a notebook brings the articles it quotes. The same library always gives
 * the same bytes but for `exportedAt`, and restoring them gives it back exactly.
 */
export async function buildBackup(
  library: Library,
  scope: ExportScope,
  job: ExportJob,
  exportedAt = new Date().toISOString()
): Promise<{ content: string; counts: ExportResult['counts'] }> {
  job.start(scope.articleIds.length + 1)
  const whole = scope.kind === 'library'
  const included = new Set(scope.articleIds)
  const articles: ArticleRecords[] = []
  for await (const records of library.records.articles(scope.articleIds)) {
    articles.push(
      whole
        ? records
        : { ...records, links: records.links.filter((link) => included.has(link.toArticleId)) }
    )
    await job.step()
  }
  const wide = await library.records.libraryWide({
    notebookIds: scope.notebookIds,
    workspace: whole
  })
  const named = new Set(articles.flatMap((a) => a.claims.flatMap((claim) => claim.sourceId ?? [])))
  const sources = whole
    ? wide.sources
    : wide.sources.filter(
        (source) => named.has(source.id) || (source.mergedInto && named.has(source.mergedInto))
      )
  await job.step()
  const document: BackupDocument = {
    kind: BACKUP_KIND,
    format: FORMAT_VERSION,
    generator: `Dossier ${DOSSIER_VERSION}`,
    exportedAt,
    scope: scope.kind,
    articles,
    sources,
    notebooks: wide.notebooks,
    tombstones: wide.tombstones,
    ...(wide.workspace ? { workspace: wide.workspace } : {})
  }
  const counts = {
    articles: articles.length,
    highlights: articles.reduce((n, a) => n + a.annotations.length, 0),
    claims: articles.reduce((n, a) => n + a.claims.filter((c) => !c.deletedAt).length, 0),
    notes: articles.filter((a) => a.articleNote).length,
    notebooks: wide.notebooks.length
  }
  return { content: `${JSON.stringify(document)}\n`, counts }
}
