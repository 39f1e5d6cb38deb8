/**
 * The Dossier API contract. The Electron preload, the IPC registration, the web host's
 * HTTP routes and client, and the CLI are all derived from this one table, so a method
 * missing anywhere is a compile error.
 */
import { z } from 'zod'
import type { Article, ArticleMeta } from './article'
import { ArticleFields } from './article'
import type { Annotation } from './annotation'
import { HighlightColor } from './annotation'
import type { ImportOutcome, ImportPreview } from './importing'
import { ImportFilePayload, ImportTextPayload } from './importing'
import type { Result } from './result'
import type { Workspace as WorkspaceType } from './workspace'
import { Workspace } from './workspace'

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
const ArticleId = z.string().min(1).max(128)
const AnnotationId = z.string().min(1).max(128)

export interface HostInfo {
  host: 'electron' | 'web'
  version: string
  dataDir: string
  /** Whether `importFromDialog` can show a native open-file dialog. */
  nativeDialogs: boolean
  /** Things the user must be told about the library, e.g. a damaged file moved aside. */
  notices: string[]
}

export const contract = {
  /** Which host serves the API, and what it can do. */
  getHostInfo: method<HostInfo>()(NoInput),

  /** Articles, newest import first. Trashed articles only with `trash: true`. */
  listArticles: method<ArticleMeta[]>()(z.object({ trash: z.boolean().optional() }).strict()),

  /** One article with its full text. */
  getArticle: method<Article>()(z.object({ id: ArticleId }).strict()),

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
  updateArticle: method<ArticleMeta>()(
    z.object({ id: ArticleId, fields: ArticleFields.partial().strict() }).strict()
  ),

  /** Move articles to the Trash; their annotations go with them. */
  deleteArticles: method<void>()(z.object({ ids: z.array(ArticleId).min(1) }).strict()),

  /** Bring articles back from the Trash with their annotations. */
  restoreArticles: method<void>()(z.object({ ids: z.array(ArticleId).min(1) }).strict()),

  /** Delete everything in the Trash for good. */
  emptyTrash: method<{ deleted: number }>()(NoInput),

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
        note: z.string().max(1_000_000).optional(),
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
        note: z.string().max(1_000_000).optional()
      })
      .strict()
  ),

  deleteAnnotation: method<void>()(z.object({ articleId: ArticleId, id: AnnotationId }).strict()),

  /** The reading workspace (open panes, colour names) as last saved. */
  getWorkspace: method<WorkspaceType>()(NoInput),

  saveWorkspace: method<void>()(z.object({ workspace: Workspace }).strict())
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
