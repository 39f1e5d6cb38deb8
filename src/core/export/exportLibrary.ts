import type { ExportRequest, ExportResult } from '../../shared/exporting'
import type { Library } from '../store/Library'
import { buildBackup } from './buildBackup'
import { collectExport } from './collectExport'
import type { ExportJob } from './ExportJob'
import type { ExportSet } from './ExportSet'
import { renderCsv } from './renderCsv'
import { renderHtmlReport } from './renderHtmlReport'
import { renderMarkdown } from './renderMarkdown'
import { renderWebAnnotation } from './renderWebAnnotation'
import { resolveScope } from './resolveScope'
import { sanitizeFileName } from './sanitizeFileName'

/**
 * Exports a scope of the library in one format, as files ready to download or save: the
 * JSON backup from the store's records, every other format from what `collectExport`
 * reads. Nothing is written anywhere; `writeExportFiles` or the host does that.
 */
export async function exportLibrary(
  library: Library,
  request: ExportRequest,
  job: ExportJob
): Promise<ExportResult> {
  const scope = await resolveScope(library, request)
  if (request.format === 'json') {
    const { content, counts } = await buildBackup(library, scope, job)
    return {
      files: [
        {
          fileName: sanitizeFileName(`${scope.title} backup`, '.json'),
          mimeType: 'application/json; charset=utf-8',
          content
        }
      ],
      counts
    }
  }
  const set = await collectExport(library, scope, request, job)
  job.throwIfCancelled()
  const files =
    request.format === 'md'
      ? renderMarkdown(set, { split: request.split ?? false })
      : request.format === 'csv'
        ? [renderCsv(set, { excel: request.excel ?? false })]
        : request.format === 'wa'
          ? [renderWebAnnotation(set)]
          : [renderHtmlReport(set)]
  return { files, counts: countsOf(set) }
}

function countsOf(set: ExportSet): ExportResult['counts'] {
  return {
    articles: set.articles.length,
    highlights: set.articles.reduce((n, a) => n + a.highlights.length, 0),
    claims: set.articles.reduce((n, a) => n + a.claims.length, 0),
    notes: set.articles.filter((a) => a.note).length,
    notebooks: set.notebooks.length
  }
}
