import { TextDecoder } from 'node:util'
import iconv from 'iconv-lite'

/** Decoded by the built-in decoder, which can refuse bad bytes (`fatal`); iconv-lite cannot. */
export const UNICODE_ENCODINGS: ReadonlySet<string> = new Set(['utf-8', 'utf-16le', 'utf-16be'])

/**
 * The WHATWG name of an encoding label (`latin1` → `windows-1252`, `SJIS` → `shift_jis`),
 * or `undefined` when Dossier cannot decode it. Labels the WHATWG standard does not know
 * but iconv-lite does (e.g. `cp437`) are kept, lower-cased.
 */
export function canonicalEncoding(label: string): string | undefined {
  const trimmed = label.trim().toLowerCase()
  let name = trimmed
  try {
    // Browsers decode ISO-8859-1 as windows-1252 (and -9 as 1254): the same bytes
    // everywhere printable, but curly quotes and dashes instead of C1 control codes.
    name = new TextDecoder(trimmed).encoding
  } catch {
    // Not a WHATWG label; iconv-lite may still know it.
  }
  if (UNICODE_ENCODINGS.has(name)) return name
  return name !== '' && iconv.encodingExists(name) ? name : undefined
}
