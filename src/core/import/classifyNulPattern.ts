/** How many leading bytes decide the NUL pattern, as in VS Code's encoding detection. */
const NUL_SAMPLE_BYTES = 512

/**
 * Share of NUL code units below which NULs on one side are strays in a binary file,
 * not the high bytes of UTF-16 text: Latin, Cyrillic or Greek text in UTF-16 has a NUL
 * in every space, digit and punctuation mark, far above this.
 */
const MIN_UTF16_NUL_SHARE = 0.05

/**
 * Share of NUL code units below which NULs on one side, among bytes that are otherwise all
 * printable ASCII, are strays in ASCII text rather than UTF-16: UTF-16 text whose every byte
 * is printable ASCII but for its NULs is Latin text, a NUL in every other byte.
 */
const MAX_STRAY_NUL_SHARE = 0.25

/**
 * Reads the NUL bytes of the first 512 bytes: none (`none`), only at odd offsets
 * (UTF-16LE without BOM: ASCII characters' high bytes), only at even offsets (UTF-16BE),
 * or scattered (`binary`).
 */
export function classifyNulPattern(bytes: Uint8Array): 'none' | 'utf-16le' | 'utf-16be' | 'binary' {
  const sample = bytes.subarray(0, NUL_SAMPLE_BYTES)
  let even = 0
  let odd = 0
  let ascii = true
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!
    if (byte !== 0) {
      ascii &&= (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d
      continue
    }
    if (i % 2 === 0) even++
    else odd++
  }
  if (even === 0 && odd === 0) return 'none'
  const units = Math.max(1, Math.floor(sample.length / 2))
  if (ascii && (even + odd) / units < MAX_STRAY_NUL_SHARE) return 'binary'
  if (even === 0 && odd / units >= MIN_UTF16_NUL_SHARE) return 'utf-16le'
  if (odd === 0 && even / units >= MIN_UTF16_NUL_SHARE) return 'utf-16be'
  return 'binary'
}
