import { z } from 'zod'

/**
 * Something the analyst must know about the library and acknowledge: a damaged file that
 * was moved aside, and what Dossier did about it. Shown until acknowledged, also after a
 * restart; while one that `blocks` is open, Dossier refuses writes to what it names.
 */
export const LibraryProblem = z.object({
  id: z.string(),
  at: z.string(),
  /** A few sentences for the user: what was damaged, what was restored, what may be missing. */
  message: z.string(),
  /** The damaged file, now kept at `movedTo`. */
  file: z.string(),
  movedTo: z.string(),
  /** When the backup the file was restored from was taken, if one was used. */
  restoredFrom: z.string().optional(),
  /** Records recovered from the damaged file itself. */
  salvaged: z.number().optional(),
  /** No backup was usable: writes to the article (or the whole library) wait for the analyst. */
  blocks: z.union([z.object({ articleId: z.string() }), z.literal('library')]).optional(),
  acknowledgedAt: z.string().optional()
})
export type LibraryProblem = z.infer<typeof LibraryProblem>
