/** Browsers look for a `<meta charset>` in the first 1024 bytes; so do we. */
const PRESCAN_BYTES = 1024

/**
 * The encoding a web page declares in `<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, if any. The label is only a
 * hint: the caller still checks that the bytes decode under it.
 */
export function findHtmlCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps each byte to one character, so ASCII markup reads right whatever the encoding.
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES)
  ).toString('latin1')
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.()-]+)/i.exec(head)
  return match?.[1]
}
