import { z } from 'zod'
import type { ArticleFields, ArticleMeta, ArticleOrigin } from './article'

/** 50 MB: larger files are refused from their size before anything is read. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** A file the renderer read itself (picker, drop, paste) and sends as bytes. */
export const ImportFilePayload = z
  .object({
    name: z.string().min(1).max(1024),
    /** The file's bytes, base64-encoded so the same payload crosses IPC and HTTP. */
    dataBase64: z.base64().max(Math.ceil((DEFAULT_MAX_IMPORT_BYTES * 4) / 3) + 4),
    /** Milliseconds since 1970, as `File.lastModified` gives it; within the range of Date. */
    lastModified: z.number().int().min(0).max(8.64e15).optional(),
    /** Decode with this encoding instead of detecting one. */
    encoding: z.string().min(1).max(64).optional()
  })
  .strict()
export type ImportFilePayload = z.infer<typeof ImportFilePayload>

/** Text pasted by the user (Ctrl/Cmd+Shift+V), stored as a new article. */
export const ImportTextPayload = z
  .object({
    text: z.string().min(1).max(DEFAULT_MAX_IMPORT_BYTES),
    title: z.string().max(1000).optional()
  })
  .strict()
export type ImportTextPayload = z.infer<typeof ImportTextPayload>

/** Why a file was refused; the UI can offer a remedy per reason (e.g. another encoding). */
export type ImportRefusalReason =
  /** Magic number or NUL bytes: an image, archive, PDF, executable… */
  | 'binary'
  /** Zero bytes, only white space, or only a byte-order mark. */
  | 'empty'
  | 'too_large'
  /** A folder link loop, a FIFO, a device or a socket: never read. */
  | 'not_a_file'
  | 'symlink_loop'
  | 'dangling_symlink'
  /** Gone between choosing and reading, or never there. */
  | 'missing'
  | 'unreadable'
  /** An extension Dossier does not import. */
  | 'unsupported_type'
  /** The chosen encoding name is not one Dossier can decode. */
  | 'unknown_encoding'
  /** No encoding decodes the bytes exactly. */
  | 'not_decodable'

/** What happened to one file of an import batch. */
export type ImportOutcome =
  | {
      status: 'imported'
      name: string
      article: ArticleMeta
      /** What the analyst should know about how it was read (front matter kept as text…). */
      notices?: string[]
    }
  | {
      status: 'duplicate'
      name: string
      /** The article already in the library with the same text. */
      articleId: string
      title: string
      /** That article is in the Trash: the review offers to restore it. */
      trashed?: true
    }
  | {
      status: 'refused'
      name: string
      reason: ImportRefusalReason
      message: string
    }

/** An encoding the bytes decode under exactly, with how likely it is (0–1). */
export interface EncodingCandidate {
  /** WHATWG label, e.g. `windows-1252`, `shift_jis`. */
  encoding: string
  confidence: number
}

/**
 * What importing a file would store, computed without storing anything, so the import
 * review can show the text and let the analyst pick another encoding first.
 */
export type ImportPreview =
  | {
      status: 'ready'
      name: string
      format: ArticleOrigin['format']
      encoding: string
      /** 0–1; 1 when certain (BOM, valid UTF-8, chosen by the user). */
      confidence: number
      /** Other encodings that decode these bytes exactly, most likely first. */
      candidates: EncodingCandidate[]
      fields: ArticleFields
      /** The text exactly as it would be stored. */
      text: string
      /** Things the analyst should know, e.g. front matter that could not be read. */
      notices: string[]
    }
  | {
      status: 'refused'
      name: string
      reason: ImportRefusalReason
      message: string
      /** Encodings worth trying when the reason is the encoding. */
      candidates: EncodingCandidate[]
    }
