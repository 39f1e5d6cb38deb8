import type { ImportTextPayload } from '../../shared/importing'
import type { NewArticle } from '../store/Library'
import { sha256 } from '../store/sha256'
import { titleFromText } from '../store/titleFromText'
import { cleanFields } from './cleanFields'
import { ImportRefusal } from './ImportRefusal'
import { IMPORTER_VERSION } from './IMPORTER_VERSION'
import { normalizeText } from './normalizeText'
import { refuseUnlikelyText } from './refuseUnlikelyText'

const PASTE_NAME = 'Pasted text'

/**
 * An article from clipboard text (Ctrl/Cmd+Shift+V). Its evidence is the UTF-8 bytes of
 * the text as pasted; the text is normalised like a file's.
 */
export function preparePastedText({ text, title }: ImportTextPayload): NewArticle {
  // A lone surrogate cannot be written as UTF-8: the stored body would not match its hash.
  if (/[\uD800-\uDFFF]/u.test(text))
    throw new ImportRefusal(
      'not_decodable',
      `${PASTE_NAME}: the clipboard text has broken characters (lone surrogates).`
    )
  refuseUnlikelyText(PASTE_NAME, text)
  const bytes = Buffer.from(text, 'utf8')
  const normalized = normalizeText(text)
  return {
    text: normalized,
    fields: cleanFields({ ...(title ? { title } : {}) }, titleFromText(normalized, PASTE_NAME)),
    origin: {
      kind: 'paste',
      byteSha256: sha256(bytes),
      byteLength: bytes.length,
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      importerVersion: IMPORTER_VERSION
    }
  }
}
