import type { ImportPreview } from '../../shared/importing'
import { encodingCandidates } from './encodingCandidates'
import { guessEncodings } from './guessEncodings'
import { ImportRefusal } from './ImportRefusal'
import type { ImportSource } from './prepareArticle'
import { prepareArticle } from './prepareArticle'

/**
 * What importing `source` would store, and the encodings it could be read in, without
 * storing anything: the import review shows this and lets the analyst pick another
 * encoding (passed back as `source.encoding`) before importing.
 */
export function previewImport(source: ImportSource): ImportPreview {
  try {
    const { article, decoded, notices } = prepareArticle(source)
    return {
      status: 'ready',
      name: source.name,
      format: article.origin.format,
      encoding: decoded.encoding,
      confidence: decoded.confidence,
      candidates: encodingCandidates(source.bytes, {
        encoding: decoded.encoding,
        confidence: decoded.confidence
      }),
      fields: article.fields,
      text: article.text,
      notices
    }
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error
    const encodingIssue = error.reason === 'not_decodable' || error.reason === 'unknown_encoding'
    return {
      status: 'refused',
      name: source.name,
      reason: error.reason,
      message: error.message,
      candidates: encodingIssue ? guessEncodings(source.bytes) : []
    }
  }
}
