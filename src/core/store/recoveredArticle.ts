import type { ArticleMeta } from '../../shared/article'
import { titleFromText } from './titleFromText'

/**
 * The index entry of a stored text whose metadata was lost with a damaged index: the id
 * and hash come from the text itself; the title from its first line. Where it came from
 * is unknown, and says so: no file name, no original bytes' hash, encoding "unknown".
 */
export function recoveredArticle(text: string, textSha256: string, now: string): ArticleMeta {
  const id = textSha256.slice(0, 16)
  return {
    id,
    title: titleFromText(text, `Recovered article ${id}`),
    tags: [],
    textSha256,
    textLength: text.length,
    origin: {
      kind: 'recovered',
      byteSha256: '',
      byteLength: 0,
      encoding: 'unknown',
      encodingConfidence: 0,
      format: 'text',
      importerVersion: 'recovered'
    },
    importedAt: now,
    updatedAt: now,
    counts: { highlights: 0, claims: 0 }
  }
}
