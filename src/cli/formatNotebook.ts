import { toMarkdown } from '../core/export/markdownSerializer'
import { noteNode } from '../core/export/noteSchema'
import { withLiveTitles } from '../core/export/withLiveTitles'
import type { Notebook } from '../shared/notebook'

/**
 * A notebook as CommonMark, through the export's prosemirror-markdown serializer: its
 * title as the heading, then its body, each quoted passage naming its article by the title
 * it has now (`titles`, by article id).
 */
export function formatNotebook(notebook: Notebook, titles: ReadonlyMap<string, string>): string {
  const body = toMarkdown(noteNode(withLiveTitles(notebook.doc, titles)))
  return `# ${notebook.title}\n\n${body}`.trimEnd()
}
