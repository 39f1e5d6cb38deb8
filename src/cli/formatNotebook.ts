import type { Notebook } from '../shared/notebook'
import { docToPlain } from '../shared/richText'

/**
 * A notebook as text: its title as a Markdown heading, then its blocks one per line, quotes
 * as “…”. Plain text, not Markdown formatting: no Markdown serializer for ProseMirror
 * documents is among Dossier's dependencies, and this is not the place to write one.
 */
export function formatNotebook(notebook: Notebook): string {
  return `# ${notebook.title}\n\n${docToPlain(notebook.doc)}`.trimEnd()
}
