import { createContext, useContext } from 'react'
import type { Annotation } from '../../../shared/annotation'
import type { Claim } from '../../../shared/claim'
import type { PassageQuoteAttrs } from '../../../shared/richText'
import type { ResolvedPassage } from './resolvePassage'

/** What can be quoted in a notebook: a highlight or a claim. */
export type Quotable =
  { kind: 'highlight'; annotation: Annotation } | { kind: 'claim'; claim: Claim }

/** What notes need from the workbench, wherever they are drawn. */
export interface NotesWorkbench {
  /** A quote's article as it is now: its live title, or that it is in the Trash or gone. */
  resolve(quote: PassageQuoteAttrs): ResolvedPassage
  /** Opens the article at the passage, selected. */
  goTo(quote: PassageQuoteAttrs): void
  /** Quotes passages in the open notebook, or the last one changed (offering a new one). */
  quote(from: Quotable[]): void
  /** The quote of a passage as it is dragged into a note. */
  quoteOf(from: Quotable): PassageQuoteAttrs
  onError(error: unknown): void
}

const detached: NotesWorkbench = {
  resolve: (quote) => ({ title: quote.title, where: 'library' }),
  goTo: () => undefined,
  quote: () => undefined,
  quoteOf: () => {
    throw new Error('Notes are not wired to the workbench.')
  },
  onError: (error) => console.error(error)
}

/**
 * Notes are drawn in cards, panes, notebooks, and inside the editor's own node views, far
 * from the workbench's state; the context carries it there, so a renamed article's quotes
 * show the new title without touching the note.
 */
export const NotesContext = createContext<NotesWorkbench>(detached)

export function useNotesWorkbench(): NotesWorkbench {
  return useContext(NotesContext)
}
