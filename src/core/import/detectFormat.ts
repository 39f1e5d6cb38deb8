import { extname } from 'node:path'
import type { ArticleOrigin } from '../../shared/article'

const FORMATS: Readonly<Record<string, ArticleOrigin['format']>> = {
  '': 'text',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html'
}

/**
 * The format a file name announces (`text`, `markdown`, `html`), or `undefined` for an
 * extension Dossier does not import. A file without an extension counts as text; its
 * bytes still have to pass the binary checks.
 */
export function detectFormat(name: string): ArticleOrigin['format'] | undefined {
  return FORMATS[extname(name).toLowerCase()]
}
