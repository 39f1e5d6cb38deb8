import { ImportRefusal } from './ImportRefusal'

/** A stray control code happens (a DOS end-of-file mark); more than this share means the bytes were never text. */
const MAX_CONTROL_SHARE = 0.01

/**
 * Refuses decoded text that cannot be an article: NUL characters (binary data, whatever
 * the encoding), too many control codes, or nothing but white space.
 */
export function refuseUnlikelyText(name: string, text: string): void {
  if (text.includes('\0'))
    throw new ImportRefusal(
      'binary',
      `${name}: this looks like a binary file (it contains NUL bytes).`
    )
  const controls = countControlCodes(text)
  if (controls > 1 && controls > text.length * MAX_CONTROL_SHARE) {
    throw new ImportRefusal(
      'binary',
      `${name}: this looks like a binary file (${controls} control characters in ${text.length}).`
    )
  }
  if (text.trim() === '') {
    throw new ImportRefusal(
      'empty',
      text === ''
        ? `${name}: the file is empty.`
        : `${name}: the file has no text, only white space.`
    )
  }
}

/** Control codes other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function countControlCodes(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) || code === 0x7f) count++
  }
  return count
}
