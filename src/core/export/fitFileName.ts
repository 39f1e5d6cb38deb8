/** What every file system Dossier runs on allows in one name: 255 bytes (ext4, APFS, NTFS). */
export const MAX_NAME_BYTES = 255

const encoder = new TextEncoder()
/** Made once: building a segmenter costs far more than using one. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * `stem` + `extension`, the stem cut to whole characters (never half an emoji or a
 * combining mark) so the name fits in 255 bytes of UTF-8; trailing dots and spaces, which
 * Windows drops, go after the cut.
 */
export function fitFileName(stem: string, extension: string): string {
  const room = MAX_NAME_BYTES - encoder.encode(extension).length
  let kept = ''
  let bytes = 0
  for (const { segment } of graphemes.segment(stem)) {
    const size = encoder.encode(segment).length
    if (bytes + size > room) break
    kept += segment
    bytes += size
  }
  return `${kept.replace(/[. ]+$/u, '')}${extension}`
}
