import { stringify } from 'csv-stringify/sync'
import { docToPlain } from '../../shared/richText'
import type { ExportedFile } from '../../shared/exporting'
import type { ExportArticle, ExportSet } from './ExportSet'
import { passagesOf } from './ExportSet'
import { neutralizeFormula } from './neutralizeFormula'
import { sanitizeFileName } from './sanitizeFileName'

export const CSV_COLUMNS = [
  'article id',
  'article title',
  'kind',
  'quote',
  'start',
  'end',
  'colour',
  'claimant',
  'attribution',
  'status',
  'reliability',
  'credibility',
  'tags',
  'note',
  'links',
  'created',
  'modified'
] as const

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>

/**
 * One row per highlight, claim and article note, in text order: RFC 4180 through
 * csv-stringify (CRLF, quotes doubled, fields with commas, quotes or line breaks quoted),
 * every text cell neutralised against formulas. `start` and `end` count UTF-16 code units
 * of the stored text, as the store does. With `excel`, a UTF-8 byte-order mark first, so
 * Excel does not read the file as the system's legacy code page.
 */
export function renderCsv(set: ExportSet, { excel = false } = {}): ExportedFile {
  const rows = set.articles.flatMap((entry) => rowsOf(entry, set))
  const csv = stringify(
    rows.map((row) =>
      CSV_COLUMNS.map((column) => {
        const cell = row[column]
        return typeof cell === 'string' ? neutralizeFormula(cell) : cell
      })
    ),
    // With CRLF records, csv-stringify quotes only fields holding a whole CRLF; a quote or
    // note with a bare LF (every multi-line passage: import normalises line endings) would
    // split its row, and its second line would reach the spreadsheet unneutralised.
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ }
  )
  return {
    fileName: sanitizeFileName(set.scope.title, '.csv'),
    mimeType: 'text/csv; charset=utf-8',
    content: excel ? `\uFEFF${csv}` : csv
  }
}

function rowsOf(entry: ExportArticle, set: ExportSet): Row[] {
  const { article } = entry
  const base = { 'article id': article.id, 'article title': article.title }
  const blank = {
    colour: '',
    claimant: '',
    attribution: '',
    status: '',
    reliability: '',
    credibility: '',
    tags: '',
    links: ''
  }
  const rows: Row[] = []
  if (entry.note)
    rows.push({
      ...base,
      ...blank,
      kind: 'note',
      quote: '',
      start: '',
      end: '',
      note: docToPlain(entry.note.doc),
      created: entry.note.createdAt,
      modified: entry.note.updatedAt
    })
  for (const passage of passagesOf(entry)) {
    const common = {
      ...base,
      ...blank,
      kind: passage.kind,
      quote: passage.record.quote.exact,
      start: passage.record.position.start,
      end: passage.record.position.end,
      note: docToPlain(passage.record.note),
      created: passage.record.createdAt,
      modified: passage.record.updatedAt
    }
    if (passage.kind === 'highlight') {
      const { color } = passage.record
      rows.push({ ...common, colour: set.colorNames[color - 1] ?? String(color) })
      continue
    }
    const record = passage.record
    const source = record.sourceId ? set.sources.get(record.sourceId) : undefined
    rows.push({
      ...common,
      claimant: source?.name ?? '',
      attribution: record.attribution,
      status: record.status,
      reliability: source?.reliability ?? '',
      credibility: record.credibility ?? '',
      tags: record.tags.join('; '),
      links: entry.links
        .filter((l) => (l.outgoing ? l.link.fromClaimId : l.link.toClaimId) === record.id)
        .map((l) => `${l.outgoing ? '→' : '←'} ${l.link.relation} ${l.other.id}`)
        .join('; ')
    })
  }
  return rows
}
