import type { RichDoc, RichNode } from '../../shared/richText'

/**
 * A note whose quoted passages name their article by its title as it is now (the quote
 * keeps the title it had when quoted, for articles that are gone).
 */
export function withLiveTitles(doc: RichDoc, titles: ReadonlyMap<string, string>): RichDoc {
  const visit = (node: RichNode): RichNode => {
    if (node.type === 'passageQuote') {
      const title = titles.get(String(node.attrs?.articleId))
      return title ? { ...node, attrs: { ...node.attrs, title } } : node
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node
  }
  return visit(doc) as RichDoc
}
