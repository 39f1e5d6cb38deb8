import type { TextPosition, TextQuote } from '../../shared/annotation'
import { sha256 } from '../store/sha256'
import type { LibraryRecords } from '../store/LibraryRecords'

/**
 * What is wrong with a backup's records beyond their shape, or undefined: each text must
 * match its hash (the article's identity), each record must belong to the article that
 * holds it, and every passage must quote its text exactly where it says. A backup that
 * was edited by hand, or damaged, is refused whole rather than stored half right.
 */
export function checkBackupRecords(records: LibraryRecords): string | undefined {
  const ids = new Set<string>()
  for (const [i, entry] of records.articles.entries()) {
    const { article, text } = entry
    const where = `articles.${i} (“${article.title}”)`
    if (ids.has(article.id)) return `${where}: the article is in the backup twice`
    ids.add(article.id)
    if (sha256(text) !== article.textSha256 || article.id !== article.textSha256.slice(0, 16))
      return `${where}: the text does not match its SHA-256; the backup was changed or damaged`
    if (text.length !== article.textLength) return `${where}: the text's length is not textLength`
    const passages = [
      ...entry.annotations.map((a) => ({ ...a, kind: 'highlight' })),
      ...entry.claims.map((c) => ({ ...c, kind: 'claim' })),
      ...entry.claims.flatMap((c) =>
        c.attributionSpan ? [{ ...c.attributionSpan, id: c.id, kind: 'attribution' }] : []
      )
    ]
    for (const passage of passages) {
      const problem = passageProblem(text, passage)
      if (problem) return `${where}: ${passage.kind} ${passage.id} ${problem}`
    }
    const owned = [...entry.annotations, ...entry.claims].find((r) => r.articleId !== article.id)
    if (owned) return `${where}: record ${owned.id} belongs to article ${owned.articleId}`
    const link = entry.links.find((l) => l.fromArticleId !== article.id)
    if (link) return `${where}: link ${link.id} does not start in this article`
  }
  return undefined
}

function passageProblem(
  text: string,
  { position, quote }: { position: TextPosition; quote: TextQuote }
): string | undefined {
  if (position.end <= position.start || position.end > text.length) return 'lies outside the text'
  if (text.slice(position.start, position.end) !== quote.exact)
    return 'does not quote the text at its position'
  return undefined
}
