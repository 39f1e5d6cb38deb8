import { createHash } from 'node:crypto'
import type { NewArticle } from '../../../src/core/store/Library'

/** An article as the importer would hand it to the store. */
export function sampleArticle(text: string, title = 'Harbour strike'): NewArticle {
  const byteSha256 = createHash('sha256').update(text).digest('hex')
  return {
    text,
    fields: { title, tags: [] },
    origin: {
      kind: 'file',
      fileName: 'sample.txt',
      byteSha256,
      byteLength: Buffer.byteLength(text),
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      importerVersion: 'test'
    }
  }
}
