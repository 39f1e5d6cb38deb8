import { canonicalEncoding } from './canonicalEncoding'
import { classifyNulPattern } from './classifyNulPattern'
import { decodeExactly } from './decodeExactly'
import { findInvalidUtf8 } from './findInvalidUtf8'
import { guessEncodings } from './guessEncodings'
import { ImportRefusal } from './ImportRefusal'
import { sniffBinaryType } from './sniffBinaryType'
import { formatCount } from '../../shared/formatCount'

export interface DecodedText {
  /** The decoded text, without a byte-order mark; line endings still as in the file. */
  text: string
  /** WHATWG encoding label, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string
  /** 0–1; 1 when certain (BOM, valid UTF-8, chosen by the user). */
  confidence: number
}

/** Certain, but a NUL pattern is a heuristic: a little less than a BOM. */
const NUL_PATTERN_CONFIDENCE = 0.95

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
]

/**
 * Decodes a file's bytes without ever replacing a byte silently with U+FFFD, in the order
 * VS Code uses: a byte-order mark; a known binary signature or scattered NULs (refused);
 * UTF-16 without BOM from its NUL pattern; strict UTF-8; then the likeliest legacy encoding
 * that decodes every byte. `encoding`, chosen by the user, overrides all detection.
 * Throws an ImportRefusal naming the file when the bytes are binary or decode under nothing.
 */
export function decodeText(name: string, bytes: Uint8Array, encoding?: string): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte))
  // No text starts like a PNG or a PDF, whatever encoding the user picks.
  const binaryType = bom ? undefined : sniffBinaryType(bytes)
  if (binaryType)
    throw new ImportRefusal('binary', `${name}: this looks like a ${binaryType}, not text.`)
  if (encoding !== undefined) return decodeAs(name, bytes, encoding)
  if (bom) {
    const text = decodeExactly(bytes.subarray(bom.bytes.length), bom.encoding)
    if (text === undefined) throw notDecodable(name, bytes, bom.encoding)
    return { text, encoding: bom.encoding, confidence: 1 }
  }
  const nuls = classifyNulPattern(bytes)
  if (nuls === 'utf-16le' || nuls === 'utf-16be') {
    const text = decodeExactly(bytes, nuls)
    if (text !== undefined) return { text, encoding: nuls, confidence: NUL_PATTERN_CONFIDENCE }
  }
  if (nuls !== 'none') {
    throw new ImportRefusal(
      'binary',
      `${name}: this looks like a binary file (it contains NUL bytes, the first at byte ${bytes.indexOf(0)}). If it is text in UTF-16 without a byte-order mark, choose utf-16le or utf-16be as its encoding.`
    )
  }
  const utf8 = decodeExactly(bytes, 'utf-8')
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', confidence: 1 }
  refuseDamagedUtf8(name, bytes)
  const [best] = guessEncodings(bytes)
  if (!best) throw notDecodable(name, bytes, 'utf-8')
  return { text: decodeExactly(bytes, best.encoding)!, ...best }
}

/**
 * A UTF-8 file with a few bad bytes (cut short mid-character, or one stray byte) is not in a
 * legacy encoding: read as one, every accented letter and typographic quote in it would be
 * stored wrong (`dÃ©clarÃ©`), and search and quotes would miss them. Refused, saying where,
 * when its valid non-ASCII characters outnumber its bad sequences four to one: a legacy
 * file's letters seldom make valid UTF-8 sequences (none in Cyrillic text, one for every 8
 * bad ones in French windows-1252, one for every 3–10 in GB18030, Shift_JIS or EUC-KR).
 */
function refuseDamagedUtf8(name: string, bytes: Uint8Array): void {
  const { count, multibyte, offsets } = findInvalidUtf8(bytes)
  if (multibyte === 0 || count * DAMAGED_UTF8_RATIO > multibyte) return
  throw new ImportRefusal(
    'not_decodable',
    `${name}: the file is UTF-8, but ${formatCount(count, 'byte sequence')} in it ${count === 1 ? 'is' : 'are'} not (at byte ${offsets.join(', ')}), against ${formatCount(multibyte, 'valid non-ASCII character')}: it was probably damaged or cut short. Dossier does not guess another encoding for it, which would garble every accented letter; fix the bytes, or choose an encoding to import it as that.`
  )
}

/** Valid non-ASCII characters per bad sequence from which a file counts as damaged UTF-8. */
const DAMAGED_UTF8_RATIO = 4

function decodeAs(name: string, bytes: Uint8Array, label: string): DecodedText {
  const encoding = canonicalEncoding(label)
  if (!encoding) {
    throw new ImportRefusal(
      'unknown_encoding',
      `${name}: "${label}" is not an encoding Dossier knows (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030…).`
    )
  }
  const text = decodeExactly(bytes, encoding)
  if (text === undefined) throw notDecodable(name, bytes, encoding)
  return { text, encoding, confidence: 1 }
}

function notDecodable(name: string, bytes: Uint8Array, encoding: string): ImportRefusal {
  if (encoding !== 'utf-8') {
    return new ImportRefusal(
      'not_decodable',
      `${name}: the bytes are not valid ${encoding}; choose another encoding.`
    )
  }
  const { count, offsets } = findInvalidUtf8(bytes)
  return new ImportRefusal(
    'not_decodable',
    `${name}: ${formatCount(count, 'byte sequence')} ${count === 1 ? 'is' : 'are'} not valid UTF-8 (first at byte ${offsets.join(', ')}) and no other encoding fits; choose an encoding.`
  )
}
