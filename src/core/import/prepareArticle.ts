import { basename, extname } from 'node:path'
import type { NewArticle } from '../store/Library'
import { sha256 } from '../store/Library'
import { titleFromText } from '../store/titleFromText'
import { decodeText } from './decodeText'
import { ImportRefusal } from './ImportRefusal'
import { normalizeText } from './normalizeText'

export const IMPORTER_VERSION = '1'

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', ''])

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

/** Decodes and normalises one file into an article, or throws an ImportRefusal. */
export function prepareArticle(source: ImportSource): NewArticle {
  const { name, bytes } = source
  const extension = extname(name).toLowerCase()
  if (!TEXT_EXTENSIONS.has(extension)) {
    throw new ImportRefusal(
      'unsupported_type',
      `${name}: "${extension}" files are not supported; import .txt or .md text files.`
    )
  }
  if (bytes.length === 0) throw new ImportRefusal('empty', `${name}: the file is empty.`)
  const decoded = decodeText(name, bytes, source.encoding)
  if (decoded.text.includes('\0'))
    throw new ImportRefusal(
      'binary',
      `${name}: this looks like a binary file (it contains NUL bytes).`
    )
  const text = normalizeText(decoded.text)
  if (text.trim() === '')
    throw new ImportRefusal('empty', `${name}: the file has no text, only white space.`)
  return {
    text,
    fields: { title: titleFromText(text, basename(name, extension) || name), tags: [] },
    origin: {
      kind: 'file',
      fileName: basename(name),
      ...(source.path ? { filePath: source.path } : {}),
      byteSha256: sha256(bytes),
      byteLength: bytes.length,
      encoding: decoded.encoding,
      encodingConfidence: decoded.confidence,
      format: extension === '.md' || extension === '.markdown' ? 'markdown' : 'text',
      ...(source.modifiedAt ? { modifiedAt: source.modifiedAt.toISOString() } : {}),
      importerVersion: IMPORTER_VERSION
    }
  }
}
