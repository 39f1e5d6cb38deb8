import type { ExportRequest } from '../../shared/exporting'
import { DossierError } from '../../shared/result'
import type { Library } from '../store/Library'
import { passageQuotesIn } from './passageQuotesIn'

/** What an export covers: which articles and notebooks, and what to call it. */
export interface ExportScope {
  kind: 'library' | 'articles' | 'notebook'
  articleIds: string[]
  notebookIds: string[]
  /** The title a file name is made from. */
  title: string
}

/**
 * The articles and notebooks of a request. The whole library is every article outside
 * the Trash and every notebook, or for a backup everything, the Trash included; a
 * notebook brings the articles it quotes. Ids are exact (the CLI resolves prefixes first);
 * an unknown one is refused, naming it.
 */
export async function resolveScope(
  library: Library,
  request: Pick<ExportRequest, 'format' | 'articleIds' | 'notebookId'>
): Promise<ExportScope> {
  const backup = request.format === 'json'
  if (request.notebookId) {
    const notebook = await library.getNotebook(library.findNotebook(request.notebookId).id)
    const quoted = passageQuotesIn(notebook.doc).map((quote) => quote.articleId)
    const known = new Set(library.records.articleIds())
    return {
      kind: 'notebook',
      articleIds: [...new Set(quoted)].filter((id) => known.has(id)),
      notebookIds: [notebook.id],
      title: notebook.title
    }
  }
  if (request.articleIds) {
    const byId = new Map(
      [...library.listArticles(), ...library.listArticles({ trash: true })].map((a) => [a.id, a])
    )
    const articles = [...new Set(request.articleIds)].map((id) => {
      const article = byId.get(id)
      if (!article) throw new DossierError('not_found', `articleIds: no article ${id}.`)
      return article
    })
    return {
      kind: 'articles',
      articleIds: articles.map((article) => article.id),
      notebookIds: [],
      title: articles.length === 1 ? articles[0]!.title : `${articles.length} articles`
    }
  }
  const articleIds = backup
    ? library.records.articleIds()
    : library
        .listArticles()
        .map((article) => article.id)
        .reverse()
  const notebooks = backup
    ? [...library.listNotebooks(), ...library.listNotebooks({ trash: true })]
    : library.listNotebooks()
  return {
    kind: 'library',
    articleIds,
    notebookIds: notebooks.map((notebook) => notebook.id),
    title: 'Dossier library'
  }
}
