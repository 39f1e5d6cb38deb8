import { fitFileName } from './fitFileName'

/** Windows device names, reserved with any extension and in any case (`nul.txt`, `Com1`). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i

/**
 * A file name made from a title that is safe on every platform: no path separators, so no
 * folder and no traversal (`../../.bashrc` becomes `.bashrc`'s letters, not a path); no
 * characters Windows refuses (`<>:"|?*`) or control characters; no leading or trailing dots
 * and spaces (hidden files, `..`, names Windows trims); no reserved device name (`CON`
 * becomes `CON_`); never empty (`Untitled`); at most 255 bytes of UTF-8, cut between
 * characters. `extension` (with its dot) is kept whole.
 */
export function sanitizeFileName(title: string, extension: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/[/\\<>:"|?*]+/g, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[. ]+|[. ]+$/gu, '')
  const stem = fitFileName(cleaned || 'Untitled', extension).slice(
    0,
    -extension.length || undefined
  )
  const [first = '', ...rest] = stem.split('.')
  const safe = RESERVED.test(first) ? [`${first}_`, ...rest].join('.') : stem
  return fitFileName(safe || 'Untitled', extension)
}
