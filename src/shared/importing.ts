import { z } from 'zod'
import type { ArticleMeta } from './article'

/** 50 MB: larger files are refused from their size before anything is read. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** A file the renderer read itself (picker, drop, paste) and sends as bytes. */
export const ImportFilePayload = z.object({
  name: z.string().min(1).max(1024),
  /** The file's bytes, base64-encoded so the same payload crosses IPC and HTTP. */
  dataBase64: z.string().max(Math.ceil((DEFAULT_MAX_IMPORT_BYTES * 4) / 3) + 4),
  lastModified: z.number().optional(),
  /** Decode with this encoding instead of detecting one. */
  encoding: z.string().min(1).max(64).optional()
})
export type ImportFilePayload = z.infer<typeof ImportFilePayload>

/** What happened to one file of an import batch. */
export type ImportOutcome =
  | {
      status: 'imported'
      name: string
      article: ArticleMeta
    }
  | {
      status: 'duplicate'
      name: string
      /** The article already in the library with the same text. */
      articleId: string
      title: string
    }
  | {
      status: 'refused'
      name: string
      /** A short machine-readable reason, e.g. `binary`, `empty`, `too_large`. */
      reason: string
      message: string
    }
