import { z } from 'zod'
import { Conflicts } from './conflict'
import { RichDoc } from './richText'

/** Highlight colours are slots 1–6; their names are the analyst's to edit. */
export const HighlightColor = z.number().int().min(1).max(6)
export type HighlightColor = z.infer<typeof HighlightColor>

/** W3C TextPositionSelector: UTF-16 offsets into the stored text, end exclusive. */
export const TextPosition = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative()
})
export type TextPosition = z.infer<typeof TextPosition>

/** W3C TextQuoteSelector: the exact passage with up to 32 characters of context. */
export const TextQuote = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string()
})
export type TextQuote = z.infer<typeof TextQuote>

export const Annotation = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  position: TextPosition,
  quote: TextQuote,
  color: HighlightColor,
  /** Rich text as the editor stores it; an empty document when there is none. */
  note: RichDoc,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Versions that lost a merge of a backup. */
  conflicts: Conflicts
})
export type Annotation = z.infer<typeof Annotation>
