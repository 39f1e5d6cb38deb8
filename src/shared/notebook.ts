import { z } from 'zod'
import { Conflicts } from './conflict'
import { RichDoc } from './richText'

/** A notebook as the library lists it: its body is loaded on demand. */
export const NotebookMeta = z.object({
  id: z.string().regex(/^[0-9a-f-]{8,64}$/),
  title: z.string(),
  /** Words in the body when last saved, for the list. */
  words: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set while the notebook is in the Trash. */
  deletedAt: z.string().optional(),
  /** Versions (title and body) that lost a merge of a backup. */
  conflicts: Conflicts
})
export type NotebookMeta = z.infer<typeof NotebookMeta>

export interface Notebook extends NotebookMeta {
  doc: RichDoc
}

/** An article's own notes document, kept in its annotation file. */
export const ArticleNote = z.object({
  id: z.string(),
  doc: RichDoc,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Versions that lost a merge of a backup. */
  conflicts: Conflicts
})
export type ArticleNote = z.infer<typeof ArticleNote>

export const NotebookTitle = z.string().trim().min(1, 'title must not be empty').max(200)
