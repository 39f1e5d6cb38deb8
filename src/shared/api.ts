/**
 * The Dossier API contract. The Electron preload, the IPC registration, the web host's
 * HTTP routes and client, and the CLI are all derived from this one table, so a method
 * missing anywhere is a compile error.
 */
import { z } from 'zod'
import type { Article, ArticleMeta } from './article'
import { ArticleFields } from './article'
import type { ArticleRow, ArticleWindow } from './articleWindow'
import { ArticleIdsRequest, ArticleWindowRequest, MAX_IDS_PER_CALL } from './articleWindow'
import { parsePublished, urlProblem } from './publishedDate'
import type { Annotation } from './annotation'
import { HighlightColor } from './annotation'
import type { Claim, ClaimBoard, ClaimChange, ClaimLink, Corroboration, LinkedClaim } from './claim'
import { Attribution, ClaimStatus, Credibility, LinkRelation } from './claim'
import type { ExportProgress, ExportResult, RestoreSummary } from './exporting'
import { ExportRequest, MAX_BACKUP_CHARS, PdfExportRequest } from './exporting'
import type { ImportOutcome, ImportPreview } from './importing'
import { ImportFilePayload, ImportTextPayload } from './importing'
import type { ArticleNote, Notebook, NotebookMeta } from './notebook'
import type { LibraryProblem } from './problem'
import { NotebookTitle } from './notebook'
import type { Result } from './result'
import type { SearchAnswer } from './search'
import { SearchRequest } from './search'
import { RichDoc } from './richText'
import type { LoadedSamples } from './sampleLibrary'
import type { Source, SourceRecord } from './source'
import { Reliability, SourceKind } from './source'
import type { AcceptedSuggestions, ClaimSuggestion, SuggestionPassProgress } from './suggestion'
import type { Workspace as WorkspaceType } from './workspace'
import { Workspace } from './workspace'

/**
 * Metadata as the analyst edits it: "Published" must be a date Dossier can read (or empty),
 * the URL an http or https address (or empty); each refusal names the field.
 */
const EditedFields = ArticleFields.partial()
  .strict()
  .superRefine((fields, ctx) => {
    const published = fields.publishedAt?.trim()
    if (published) {
      const parsed = parsePublished(published)
      if ('error' in parsed)
        ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: parsed.error })
    }
    const problem = fields.url === undefined ? undefined : urlProblem(fields.url)
    if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem })
  })

/** A contract entry: the schema of its single input object and the type it resolves to. */
export interface Method<I extends z.ZodType, O> {
  readonly input: I
  /** Type-only marker; never set at runtime. */
  readonly output?: O
}

function method<O>() {
  return <I extends z.ZodType>(input: I): Method<I, O> => ({ input })
}

const NoInput = z.object({}).strict()
/** An article's exact id: the API resolves no prefixes (those are for the CLI). */
const ArticleId = z.string().min(1).max(128)
/** Few enough that a call is quick: the library table sends a larger selection in batches. */
const ArticleIds = z.array(ArticleId).min(1).max(MAX_IDS_PER_CALL)
const AnnotationId = z.string().min(1).max(128)
const RecordId = z.string().min(1).max(128)
const Statement = z.string().trim().max(1000)
const Note = RichDoc
/** A source's note stays plain text: a line or two about who they are. */
const SourceNote = z.string().max(100_000)
const Tags = z.array(z.string().trim().min(1).max(200)).max(50)
const SourceName = z.string().trim().min(1, 'name must not be empty').max(500)
const Aliases = z.array(z.string().trim().min(1).max(500)).max(50)
/** A suggestion's key, as `suggestClaims` gives it. */
const SuggestionKey = z.string().min(1).max(64)
const Offsets = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .strict()
  .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] })

/** The analyst's judgement of a claim; every field may be set at creation or changed later. */
const ClaimFields = {
  statement: Statement.optional(),
  sourceId: RecordId.optional(),
  attribution: Attribution.optional(),
  status: ClaimStatus.optional(),
  credibility: Credibility.optional(),
  tags: Tags.optional(),
  note: Note.optional()
}

export interface HostInfo {
  host: 'electron' | 'web'
  version: string
  dataDir: string
  /** Whether `importFromDialog` can show a native open-file dialog. */
  nativeDialogs: boolean
  /** Things the user must be told about the library, e.g. a backup that could not be taken. */
  notices: string[]
  /** Damaged files and what was done about them, shown until acknowledged. */
  problems: LibraryProblem[]
  /** Where the library's backups are kept. */
  backupDir: string
}

export const contract = {
  /** Which host serves the API, and what it can do. */
  getHostInfo: method<HostInfo>()(NoInput),

  /** Marks a problem as seen and dealt with; writes it blocked are allowed again. */
  acknowledgeProblem: method<void>()(z.object({ id: RecordId }).strict()),

  /**
   * Every article's full metadata, newest import first; trashed articles only with
   * `trash: true`. Megabytes for a large library: the library table asks for
   * `listArticleWindow` instead; this is for scripts and exports that need everything.
   */
  listArticles: method<ArticleMeta[]>()(z.object({ trash: z.boolean().optional() }).strict()),

  /**
   * What the library table shows: `limit` rows (at most 1,000) from `offset` of the library
   * or the Trash, sorted by a column and filtered by words and a tag, with how many match,
   * the view's and both lists' counts, and the view's tags. An offset past the end is an
   * empty window.
   */
  listArticleWindow: method<ArticleWindow>()(ArticleWindowRequest),

  /**
   * The ids of a view of `listArticleWindow`, in its order: all of them (select all), a
   * range (`offset`, `limit`: Shift-click across rows not loaded), or those of `among` still
   * in it (a selection kept after a change).
   */
  listArticleIds: method<string[]>()(ArticleIdsRequest),

  /** The table rows of these articles, in the library or the Trash; unknown ids left out. */
  getArticleRows: method<ArticleRow[]>()(z.object({ ids: ArticleIds }).strict()),

  /** One article with its full text. */
  getArticle: method<Article>()(z.object({ id: ArticleId }).strict()),

  /**
   * Finds `query` across article texts and metadata, highlights, claims (passage, statement,
   * claimant), notes, notebooks and source names: the best `limit` (20) groups, each
   * article's hits together with a snippet and the hit words marked, title and exact-phrase
   * hits first. "Quoted words" are a phrase, the last word a prefix, accents and case do
   * not matter. `progress` says how far the index is; while it is not ready, results are
   * `partial`. An empty query only answers `progress` (and starts the index loading).
   */
  search: method<SearchAnswer>()(SearchRequest),

  /** Import files the renderer read (file picker, drag-and-drop). */
  importFiles: method<ImportOutcome[]>()(
    z.object({ files: z.array(ImportFilePayload).min(1).max(10_000) }).strict()
  ),

  /**
   * What importing one file would store (text, metadata, detected encoding and the
   * alternatives), without storing anything: the import review's preview. Pass
   * `encoding` to see the file re-decoded with the analyst's choice.
   */
  previewImport: method<ImportPreview>()(ImportFilePayload),

  /** A new article from pasted text (Ctrl/Cmd+Shift+V). */
  importText: method<ImportOutcome>()(ImportTextPayload),

  /** Desktop only: show the open-file dialog and import what the user chose. */
  importFromDialog: method<ImportOutcome[]>()(NoInput),

  /** Edit an article's metadata. */
  updateArticle: method<ArticleMeta>()(z.object({ id: ArticleId, fields: EditedFields }).strict()),

  /** Move articles to the Trash; their annotations go with them. */
  deleteArticles: method<void>()(z.object({ ids: ArticleIds }).strict()),

  /** Bring articles back from the Trash with their annotations. */
  restoreArticles: method<void>()(z.object({ ids: ArticleIds }).strict()),

  /**
   * Delete everything in the Trash for good, or with `ids` only those trashed articles
   * (articles outside the Trash are left alone; notebooks only go with everything).
   */
  emptyTrash: method<{ deleted: number }>()(z.object({ ids: ArticleIds.optional() }).strict()),

  /** An article's annotations in text order. */
  listAnnotations: method<Annotation[]>()(z.object({ articleId: ArticleId }).strict()),

  /**
   * Highlight `start`–`end` of the article's stored text. The core computes the quote
   * from the stored text, so a client cannot store a quote that is not there.
   * `id` is given only when undo re-creates a deleted annotation.
   */
  createAnnotation: method<Annotation>()(
    z
      .object({
        articleId: ArticleId,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        color: HighlightColor,
        note: Note.optional(),
        id: AnnotationId.optional()
      })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] })
  ),

  updateAnnotation: method<Annotation>()(
    z
      .object({
        articleId: ArticleId,
        id: AnnotationId,
        color: HighlightColor.optional(),
        note: Note.optional()
      })
      .strict()
  ),

  deleteAnnotation: method<void>()(z.object({ articleId: ArticleId, id: AnnotationId }).strict()),

  /** An article's live claims in text order. */
  listClaims: method<Claim[]>()(z.object({ articleId: ArticleId }).strict()),

  /**
   * Marks `start`–`end` of the article as a claim. The quote is taken from the stored text;
   * `attributionSpan` marks the attributing phrase. `sourceId` must name a registry source.
   */
  createClaim: method<Claim>()(
    z
      .object({
        articleId: ArticleId,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        attributionSpan: Offsets.optional(),
        ...ClaimFields,
        id: RecordId.optional()
      })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] })
  ),

  /** Changes a claim's fields; `null` clears the claimant, credibility or attribution span. */
  updateClaim: method<Claim>()(
    z
      .object({
        articleId: ArticleId,
        id: RecordId,
        ...ClaimFields,
        sourceId: RecordId.nullable().optional(),
        credibility: Credibility.nullable().optional(),
        attributionSpan: Offsets.nullable().optional()
      })
      .strict()
  ),

  /** Deletes a claim and its links, leaving tombstones; `undeleteClaim` brings them back. */
  deleteClaim: method<{ links: number }>()(
    z.object({ articleId: ArticleId, id: RecordId }).strict()
  ),

  undeleteClaim: method<Claim>()(z.object({ articleId: ArticleId, id: RecordId }).strict()),

  /** A claim's audit trail, oldest first: field changes and the links made and removed. */
  getClaimHistory: method<ClaimChange[]>()(z.object({ claimId: RecordId }).strict()),

  /** Links of an article's claims (either end), with the claim at the other end. */
  listLinks: method<LinkedClaim[]>()(z.object({ articleId: ArticleId }).strict()),

  /** Links `fromClaimId` to `toClaimId`: it supports, contradicts, repeats or cites it. */
  createLink: method<ClaimLink>()(
    z
      .object({
        fromClaimId: RecordId,
        toClaimId: RecordId,
        relation: LinkRelation,
        id: RecordId.optional()
      })
      .strict()
  ),

  deleteLink: method<void>()(z.object({ id: RecordId }).strict()),

  undeleteLink: method<ClaimLink>()(z.object({ id: RecordId }).strict()),

  /** What supports and contradicts a claim, from how many independent origins. */
  getCorroboration: method<Corroboration>()(z.object({ claimId: RecordId }).strict()),

  /**
   * Every live claim of the library's articles outside the Trash, for the claims board: by
   * column, each article, source and tag once (`claimBoardRows` makes rows of it).
   */
  listClaimBoard: method<ClaimBoard>()(NoInput),

  /**
   * The claims the attribution finder proposes in the article, in text order: the statement,
   * the claimant as written, the cue and how it is attributed, with offsets in the stored
   * text; each with its `key` and, when the claimant is a registry source by name or alias,
   * its `sourceId`. Rejected suggestions, and passages already claims, are left out. The
   * finder runs off the host's thread: a save never waits for it.
   */
  suggestClaims: method<ClaimSuggestion[]>()(z.object({ articleId: ArticleId }).strict()),

  /** Remembers that the analyst rejected a suggestion, so it is not proposed again. */
  rejectSuggestion: method<void>()(z.object({ articleId: ArticleId, key: SuggestionKey }).strict()),

  /**
   * Makes suggestions claims: the passage, the claimant (its registry source, or a new one),
   * the attribution, and the cue as the attribution span. Returns the claims and the sources
   * it made, so that undo can delete them (`deleteClaim`, then `deleteSource`).
   */
  acceptSuggestions: method<AcceptedSuggestions>()(
    z.object({ articleId: ArticleId, keys: z.array(SuggestionKey).min(1).max(1000) }).strict()
  ),

  /**
   * Where the library's background pass of the attribution finder stands: how many articles
   * outside the Trash have their suggestions read and kept (in `suggestions-cache.ndjson`).
   */
  getSuggestionPass: method<SuggestionPassProgress>()(NoInput),

  /**
   * Starts reading every article's suggestions in the background, one at a time on the
   * finder's worker, going on from what is already kept; the analyst's changes pause it.
   */
  startSuggestionPass: method<SuggestionPassProgress>()(NoInput),

  /** Stops the background pass after the article it is reading; what it found is kept. */
  stopSuggestionPass: method<SuggestionPassProgress>()(NoInput),

  /** The sources registry with each source's track record. */
  listSources: method<SourceRecord[]>()(NoInput),

  createSource: method<Source>()(
    z
      .object({
        name: SourceName,
        kind: SourceKind,
        aliases: Aliases.optional(),
        note: SourceNote.optional(),
        id: RecordId.optional()
      })
      .strict()
  ),

  updateSource: method<Source>()(
    z
      .object({
        id: RecordId,
        name: SourceName.optional(),
        kind: SourceKind.optional(),
        aliases: Aliases.optional(),
        note: SourceNote.optional()
      })
      .strict()
  ),

  /** Grades a source's reliability (or clears it with `null`); the reason is kept in its history. */
  gradeSource: method<Source>()(
    z
      .object({
        id: RecordId,
        reliability: Reliability.nullable(),
        reason: z.string().trim().min(1, 'say why the grade changes').max(2000)
      })
      .strict()
  ),

  /** Merges `mergedId` into `survivorId`: every claim of the one now names the other. */
  mergeSources: method<Source>()(z.object({ survivorId: RecordId, mergedId: RecordId }).strict()),

  /** Undoes a merge: the merged source and its claims come back as they were. */
  unmergeSource: method<Source>()(z.object({ mergedId: RecordId }).strict()),

  /** Deletes a source no live claim names, leaving a tombstone. */
  deleteSource: method<void>()(z.object({ id: RecordId }).strict()),

  undeleteSource: method<Source>()(z.object({ id: RecordId }).strict()),

  /** An article's own notes document; null when none was written. */
  getArticleNote: method<ArticleNote | null>()(z.object({ articleId: ArticleId }).strict()),

  saveArticleNote: method<ArticleNote>()(z.object({ articleId: ArticleId, doc: Note }).strict()),

  /** Notebooks, most recently changed first; the Trash's with `trash: true`. */
  listNotebooks: method<NotebookMeta[]>()(z.object({ trash: z.boolean().optional() }).strict()),

  createNotebook: method<NotebookMeta>()(
    z.object({ title: NotebookTitle, id: z.uuid().optional() }).strict()
  ),

  renameNotebook: method<NotebookMeta>()(z.object({ id: RecordId, title: NotebookTitle }).strict()),

  /** A notebook with its body. */
  getNotebook: method<Notebook>()(z.object({ id: RecordId }).strict()),

  /** Saves a notebook's body; resolves once it is on disk. */
  saveNotebook: method<NotebookMeta>()(z.object({ id: RecordId, doc: Note }).strict()),

  /** Moves notebooks to the Trash; `emptyTrash` deletes them with the trashed articles. */
  deleteNotebooks: method<void>()(z.object({ ids: z.array(RecordId).min(1).max(1000) }).strict()),

  restoreNotebooks: method<void>()(z.object({ ids: z.array(RecordId).min(1).max(1000) }).strict()),

  /**
   * Fills an empty library with Dossier's sample articles, which disagree about one invented
   * event, with highlights, graded sources, claims and links in them: a first run's way to
   * see the workbench at work. Refused when the library or its Trash has an article.
   */
  loadSampleLibrary: method<LoadedSamples>()(NoInput),

  /** The reading workspace (open panes, colour names) as last saved. */
  getWorkspace: method<WorkspaceType>()(NoInput),

  saveWorkspace: method<void>()(z.object({ workspace: Workspace }).strict()),

  // Export and restore

  /**
   * Exports the library, some articles or one notebook in one format (Markdown, CSV, the
   * JSON backup, W3C Web Annotation, the HTML report): the files, named from the title,
   * ready to download. Writes nothing. With `jobId`, `getExportProgress` follows it and
   * `cancelExport` stops it.
   */
  exportLibrary: method<ExportResult>()(ExportRequest),

  /**
   * Desktop only: exports as `exportLibrary` does, then shows the save dialog (a folder for
   * several files) and writes atomically; an existing file is replaced only once the
   * analyst confirmed it there. The paths written, or null when the dialog was cancelled.
   */
  exportToFile: method<{ paths: string[] } | null>()(ExportRequest),

  /**
   * Desktop only: Export as PDF. The HTML report of the request (`format: 'html'`), printed
   * by Chromium in a hidden, sandboxed window that runs no script, then saved as
   * `exportToFile` saves. The path written, or null when the dialog was cancelled.
   */
  exportPdf: method<{ paths: string[] } | null>()(PdfExportRequest),

  /** How far the export `jobId` has got; null once it is over, or for an unknown id. */
  getExportProgress: method<ExportProgress | null>()(z.object({ jobId: z.uuid() }).strict()),

  /** Stops the export `jobId`, which then fails saying so; false when none was running. */
  cancelExport: method<{ cancelled: boolean }>()(z.object({ jobId: z.uuid() }).strict()),

  /**
   * Restores a JSON backup: into an empty library exactly (`empty`), or merged into this one
   * without duplicates (`merge`: the newer version of a record wins, the other is kept in
   * its `conflicts`). Checked whole first: a refused backup changes nothing. `fileName`
   * names it in messages.
   */
  restoreBackup: method<RestoreSummary>()(
    z
      .object({
        content: z.string().min(1).max(MAX_BACKUP_CHARS),
        mode: z.enum(['empty', 'merge']),
        fileName: z.string().max(1024).optional()
      })
      .strict()
  )
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]

/** What a caller passes. */
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>
/** What a handler receives, after validation. */
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>
export type OutputOf<K extends MethodName> =
  Contract[K] extends Method<z.ZodType, infer O> ? O : never

/** The API as the renderer sees it on `window.api`. */
export type Api = { [K in MethodName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> }

/** What a host implements; one function per contract entry. */
export type ApiHandlers = {
  [K in MethodName]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>>
}

/** The IPC channel of a method. */
export function channelOf(name: MethodName): string {
  return `dossier:${name}`
}
