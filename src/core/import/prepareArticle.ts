import { basename, extname } from 'node:path'
import type { ArticleOrigin } from '../../shared/article'
import type { NewArticle } from '../store/Library'
import { sha256 } from '../store/sha256'
import { titleFromText } from '../store/titleFromText'
import { cleanFields } from './cleanFields'
import type { DecodedText } from './decodeText'
import { decodeText } from './decodeText'
import { detectFormat } from './detectFormat'
import { extractHtmlArticle } from './extractHtmlArticle'
import { findHtmlCharset } from './findHtmlCharset'
import { canonicalEncoding, UNICODE_ENCODINGS } from './canonicalEncoding'
import { decodeExactly } from './decodeExactly'
import { ImportRefusal } from './ImportRefusal'
import { IMPORTER_VERSION } from './IMPORTER_VERSION'
import { normalizeText } from './normalizeText'
import { refuseUnlikelyText } from './refuseUnlikelyText'
import { sniffBinaryType } from './sniffBinaryType'
import type { FrontMatterFields } from './splitFrontMatter'
import { splitFrontMatter } from './splitFrontMatter'

export interface ImportSource {
  /** The file name shown to the user and recorded as evidence. */
  name: string
  bytes: Uint8Array
  /** Full path, when the file was read from disk by the core. */
  path?: string
  modifiedAt?: Date
  /** Decode with this encoding instead of detecting one. */
  encoding?: string
}

/** An article ready to store, with what the import review shows about how it was read. */
export interface PreparedArticle {
  article: NewArticle
  decoded: DecodedText
  /** Things the analyst should know, e.g. front matter that could not be read. */
  notices: string[]
}

/**
 * Turns one file's bytes into an article: checks the format and the bytes, decodes,
 * normalises line endings, and reads the metadata the format carries (front matter,
 * HTML meta). Throws an ImportRefusal naming the file when it cannot be an article.
 */
export function prepareArticle(source: ImportSource): PreparedArticle {
  const { name, bytes } = source
  const format = detectFormat(name)
  if (!format) throw unsupported(name, bytes)
  const decoded = decodeFile(source, format)
  refuseUnlikelyText(name, decoded.text)
  const notices: string[] = []
  let text = normalizeText(decoded.text)
  let found: FrontMatterFields = {}
  if (format === 'markdown') {
    const split = splitFrontMatter(text)
    if (split.notice) notices.push(split.notice)
    text = split.body
    found = split.fields
  } else if (format === 'html') {
    const page = extractHtmlArticle(text)
    text = page.text
    found = page.fields
  }
  // Front matter alone, or a page without readable text, is no article either.
  refuseUnlikelyText(name, text)
  const fileName = basename(name)
  const origin: ArticleOrigin = {
    kind: 'file',
    fileName,
    ...(source.path ? { filePath: source.path } : {}),
    byteSha256: sha256(bytes),
    byteLength: bytes.length,
    encoding: decoded.encoding,
    encodingConfidence: decoded.confidence,
    format,
    ...(source.modifiedAt ? { modifiedAt: source.modifiedAt.toISOString() } : {}),
    importerVersion: IMPORTER_VERSION
  }
  const fallbackTitle = titleFromText(text, basename(fileName, extname(fileName)) || fileName)
  return { article: { text, fields: cleanFields(found, fallbackTitle), origin }, decoded, notices }
}

/** A web page's own `<meta charset>` outranks guessing, once strict UTF-8 has failed. */
function decodeFile(source: ImportSource, format: ArticleOrigin['format']): DecodedText {
  const { name, bytes, encoding } = source
  if (encoding !== undefined || format !== 'html') return decodeText(name, bytes, encoding)
  const decoded = decodeText(name, bytes)
  if (UNICODE_ENCODINGS.has(decoded.encoding)) return decoded
  // A page saved as UTF-16 or UTF-8 cannot be in the legacy encoding its meta names.
  const declared = canonicalEncoding(findHtmlCharset(bytes) ?? '')
  if (!declared || UNICODE_ENCODINGS.has(declared)) return decoded
  const text = decodeExactly(bytes, declared)
  return text === undefined ? decoded : { text, encoding: declared, confidence: 1 }
}

function unsupported(name: string, bytes: Uint8Array): ImportRefusal {
  const binaryType = sniffBinaryType(bytes)
  if (binaryType)
    return new ImportRefusal('binary', `${name}: this looks like a ${binaryType}, not text.`)
  const extension = extname(name)
  return new ImportRefusal(
    'unsupported_type',
    `${name}: "${extension}" files are not supported; import text (.txt), Markdown (.md) or web pages (.html).`
  )
}
