import type { Annotation } from '../../shared/annotation'
import type { Article } from '../../shared/article'
import type { Claim, LinkedClaim } from '../../shared/claim'
import type { ArticleNote, Notebook } from '../../shared/notebook'
import type { Source } from '../../shared/source'
import type { ExportScope } from './resolveScope'

/** One article as the readable formats show it: what passed the filters, in text order. */
export interface ExportArticle {
  article: Article
  highlights: Annotation[]
  /** Live claims only. */
  claims: Claim[]
  /** Live links touching these claims (either end), with the claim at the other end. */
  links: LinkedClaim[]
  /** The article's own notes, when written and wanted. */
  note?: ArticleNote
}

/** What Markdown, CSV, Web Annotation and the HTML report are made from. */
export interface ExportSet {
  scope: ExportScope
  exportedAt: string
  articles: ExportArticle[]
  notebooks: Notebook[]
  /** Every source a claim of the set names, by id. */
  sources: ReadonlyMap<string, Source>
  /** The title of every article of the library, by id (for quoted passages). */
  titles: ReadonlyMap<string, string>
  /** The six colours' names, as the analyst named them. */
  colorNames: readonly string[]
}

/** A passage of an article that a highlight or a claim marks. */
export type Passage = { kind: 'highlight'; record: Annotation } | { kind: 'claim'; record: Claim }

/** An article's highlights and claims together, in text order. */
export function passagesOf(entry: ExportArticle): Passage[] {
  const passages: Passage[] = [
    ...entry.highlights.map((record) => ({ kind: 'highlight' as const, record })),
    ...entry.claims.map((record) => ({ kind: 'claim' as const, record }))
  ]
  return passages.sort(
    (a, b) =>
      a.record.position.start - b.record.position.start ||
      a.record.position.end - b.record.position.end ||
      (a.kind === b.kind ? 0 : a.kind === 'highlight' ? -1 : 1)
  )
}
