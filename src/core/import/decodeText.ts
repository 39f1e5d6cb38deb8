import { TextDecoder } from 'node:util'
import { ImportRefusal } from './ImportRefusal'

export interface DecodedText {
  text: string
  /** WHATWG encoding label, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string
  /** 0–1; 1 when certain (BOM, valid UTF-8, chosen by the user). */
  confidence: number
}

/**
 * Decodes a file's bytes without ever replacing a byte silently with U+FFFD: a byte-order
 * mark first, then strict UTF-8, else the file is refused.
 */
export function decodeText(name: string, bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) return { text: decodeStrict(name, bytes, encoding), encoding, confidence: 1 }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: decodeStrict(name, bytes.subarray(3), 'utf-8'),
      encoding: 'utf-8',
      confidence: 1
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: decodeStrict(name, bytes.subarray(2), 'utf-16le'),
      encoding: 'utf-16le',
      confidence: 1
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: decodeStrict(name, bytes.subarray(2), 'utf-16be'),
      encoding: 'utf-16be',
      confidence: 1
    }
  }
  return { text: decodeStrict(name, bytes, 'utf-8'), encoding: 'utf-8', confidence: 1 }
}

function decodeStrict(name: string, bytes: Uint8Array, encoding: string): string {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
  } catch {
    throw new ImportRefusal(
      'unknown_encoding',
      `${name}: "${encoding}" is not an encoding Dossier knows.`
    )
  }
  try {
    return decoder.decode(bytes)
  } catch {
    throw new ImportRefusal('not_decodable', `${name}: the bytes are not valid ${encoding}.`)
  }
}
