import type { NotebookMeta } from '../../../shared/notebook'

/** A title no live notebook has yet: "Notebook", "Notebook 2", … */
export function freshNotebookTitle(notebooks: readonly NotebookMeta[]): string {
  const taken = new Set(notebooks.map((n) => n.title.toLowerCase()))
  for (let i = 1; ; i++) {
    const title = i === 1 ? 'Notebook' : `Notebook ${i}`
    if (!taken.has(title.toLowerCase())) return title
  }
}
