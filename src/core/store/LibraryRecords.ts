import { z } from 'zod'
import { Annotation } from '../../shared/annotation'
import { ArticleMeta } from '../../shared/article'
import { Claim, ClaimLink } from '../../shared/claim'
import { ArticleNote, NotebookMeta } from '../../shared/notebook'
import { RichDoc } from '../../shared/richText'
import { Source } from '../../shared/source'
import { Workspace } from '../../shared/workspace'
import { Tombstone } from './files'

/**
 * Everything the store holds of one article, exactly as its files hold it: the metadata
 * (library.json), the text (bodies/), and its annotation file's records, deleted claims
 * and links, the tombstones of deleted highlights and the rejected suggestions included.
 */
export const ArticleRecords = z.object({
  article: ArticleMeta,
  text: z.string(),
  annotations: z.array(Annotation),
  claims: z.array(Claim),
  links: z.array(ClaimLink),
  tombstones: z.array(Tombstone),
  articleNote: ArticleNote.optional(),
  /** Keys of the attribution finder's suggestions the analyst rejected in this article. */
  rejectedSuggestions: z.array(z.string()).optional()
})
export type ArticleRecords = z.infer<typeof ArticleRecords>

/** A notebook's entry in notebooks.json with its body. */
export const NotebookRecords = NotebookMeta.extend({ doc: RichDoc })
export type NotebookRecords = z.infer<typeof NotebookRecords>

/** What the store holds beside the articles. */
export const LibraryWideRecords = z.object({
  sources: z.array(Source),
  notebooks: z.array(NotebookRecords),
  /** Articles and notebooks deleted for good. */
  tombstones: z.array(Tombstone),
  /** Only in a backup of the whole library. */
  workspace: Workspace.optional()
})
export type LibraryWideRecords = z.infer<typeof LibraryWideRecords>

/** A library's records, or a part of them: what a backup carries and a restore writes. */
export const LibraryRecords = LibraryWideRecords.extend({ articles: z.array(ArticleRecords) })
export type LibraryRecords = z.infer<typeof LibraryRecords>
