import { z } from 'zod'
import { MAX_IDS_PER_CALL } from './articleWindow'
import { ClaimStatus } from './claim'

/**
 * What leaves Dossier, and in which format: Markdown (`md`), CSV (`csv`), the JSON backup
 * (`json`), W3C Web Annotation JSON-LD (`wa`) and a printable HTML report (`html`).
 */
export const EXPORT_FORMATS = ['md', 'csv', 'json', 'wa', 'html'] as const
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

/** What an analyst records on an article: highlights, claims and the article's own notes. */
export const RECORD_KINDS = ['highlight', 'claim', 'note'] as const
export const RecordKind = z.enum(RECORD_KINDS)
export type RecordKind = z.infer<typeof RecordKind>

/**
 * The largest backup the API restores: sent as a JSON string, its quotes and line breaks
 * escaped, it still fits the web host's largest request body (80 MB). `dossier restore`
 * reads a file of any size.
 */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024

/**
 * One export. The scope is the whole library (outside the Trash), the articles
 * `articleIds` (a selection, or the current article), or one notebook; `status`, `tag` and
 * `kind` keep only the matching records. A backup (`json`) takes no record filters: it is
 * the scope's records, every one.
 */
export const ExportRequest = z
  .object({
    format: ExportFormat,
    articleIds: z.array(z.string().min(1).max(128)).min(1).max(MAX_IDS_PER_CALL).optional(),
    notebookId: z.string().min(1).max(128).optional(),
    /** Claims with this status only (highlights and notes have none, so they go). */
    status: ClaimStatus.optional(),
    /** Claims with this tag, and the records of articles with this tag. */
    tag: z.string().trim().min(1).max(200).optional(),
    kind: RecordKind.optional(),
    /** CSV: a UTF-8 byte-order mark, so Excel reads the file as UTF-8. */
    excel: z.boolean().optional(),
    /** Markdown: one combined file (the default), or a file per article and per notebook. */
    split: z.boolean().optional(),
    /** Names this export, so `getExportProgress` and `cancelExport` can follow it. */
    jobId: z.uuid().optional()
  })
  .strict()
  .refine((r) => !(r.articleIds && r.notebookId), {
    message: 'choose articles or a notebook, not both',
    path: ['notebookId']
  })
  .refine((r) => r.format !== 'json' || (!r.status && !r.tag && !r.kind), {
    message: 'a backup keeps every record of its scope; status, tag and kind do not apply',
    path: ['format']
  })
export type ExportRequest = z.infer<typeof ExportRequest>

/** Export as PDF: the HTML report of the same scope and filters, printed. */
export const PdfExportRequest = ExportRequest.refine((r) => r.format === 'html', {
  message: 'a PDF is the HTML report printed: the format must be html',
  path: ['format']
})

/** What a save dialog writes: an export's text, or a PDF's bytes. */
export interface SavedFile {
  fileName: string
  mimeType: string
  content: string | Uint8Array
}

/** One file of an export: what a download or a save dialog needs. */
export interface ExportedFile {
  /** A safe default name, from the title (no folders, no reserved names, ≤ 255 bytes). */
  fileName: string
  mimeType: string
  /** The text of the file (every format is text; the Excel CSV starts with a BOM). */
  content: string
}

export interface ExportResult {
  /** One file, or with `split` one per article and notebook. */
  files: ExportedFile[]
  /** What went into it. */
  counts: { articles: number; highlights: number; claims: number; notes: number; notebooks: number }
}

/** How far an export has got, for a progress bar. */
export interface ExportProgress {
  done: number
  total: number
}

/** What a restore did, for the summary shown afterwards. */
export interface RestoreSummary {
  mode: 'empty' | 'merge'
  /** The backup's store format, and whether it was upgraded from an older one. */
  format: number
  migrated: boolean
  /** Records new to the library, changed by the backup, and already the same. */
  added: RestoreCounts
  updated: RestoreCounts
  unchanged: RestoreCounts
  /** Articles and notebooks deleted for good here since the backup: they stay deleted. */
  keptDeleted: RestoreCounts
  /** Records both sides had changed: the newer was kept, the other in its `conflicts`. */
  conflicts: number
}

export interface RestoreCounts {
  articles: number
  highlights: number
  claims: number
  links: number
  sources: number
  notebooks: number
  notes: number
}
