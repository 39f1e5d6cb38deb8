import { TextDecoder } from 'node:util'
import iconv from 'iconv-lite'
import { UNICODE_ENCODINGS } from './canonicalEncoding'

/**
 * Decodes `bytes` as `encoding` (a name from `canonicalEncoding`) only if every byte has
 * a meaning there; `undefined` otherwise, so no byte ever becomes U+FFFD silently.
 * A leading byte-order mark is not part of the text and is dropped.
 */
export function decodeExactly(bytes: Uint8Array, encoding: string): string | undefined {
  const text = UNICODE_ENCODINGS.has(encoding)
    ? decodeUnicode(bytes, encoding)
    : decodeLegacy(bytes, encoding)
  return text?.startsWith('\uFEFF') ? text.slice(1) : text
}

function decodeUnicode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * iconv-lite replaces bytes it cannot map with U+FFFD (or `?`) instead of failing, so a
 * decode counts only when it has no U+FFFD, or when it encodes back to the very same
 * bytes (GB18030 can encode U+FFFD itself). The round trip alone would wrongly refuse
 * Shift_JIS files using the NEC/IBM duplicate codes, which decode fine.
 */
function decodeLegacy(bytes: Uint8Array, encoding: string): string | undefined {
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding,
    {
      stripBOM: false
    }
  )
  if (!text.includes('\uFFFD')) return text
  return iconv.encode(text, encoding).equals(bytes) ? text : undefined
}
