import type { ArticleMeta } from '../../shared/article'
import { titleFromText } from './titleFromText'

/**
 * The index entry of a stored text whose metadata was lost with a damaged index: the id
 * and hash come from the text itself; the title from its first line; provenance is marked
 * as recovered.
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
      kind: 'file',
      byteSha256: textSha256,
      byteLength: Buffer.byteLength(text),
      encoding: 'utf-8',
      encodingConfidence: 0,
      format: 'text',
      importerVersion: 'recovered'
    },
    importedAt: now,
    updatedAt: now,
    counts: { highlights: 0, claims: 0 }
  }
}
