/**
 * Marks that only decorate a letter (Latin, Greek and Cyrillic accents, Hebrew points,
 * Arabic harakat) and the Arabic tatweel, which only stretches a word. Other scripts'
 * marks are kept: Devanagari and Thai vowel signs and the kana voicing marks are marks
 * too, but stripping them would change the word.
 */
const DECORATIVE_MARKS: readonly [number, number][] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x0640, 0x0640]
]

/**
 * Letters with no decomposition that analysts still type without their stroke or as two
 * letters (Kılıçdaroğlu, Łódź, Søren, Straße), the final sigma, typographic quotes, and the
 * invisible characters web pages leave inside words (soft hyphen, zero-width space).
 */
const EQUIVALENTS: Readonly<Record<string, string>> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ς: 'σ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u00ad': '',
  '\u200b': '',
  '\u2060': '',
  '\ufeff': ''
}
const EQUIVALENT_CHARACTERS = new RegExp(`[${Object.keys(EQUIVALENTS).join('')}]`, 'g')
const MARK = /\p{M}/u
const WHITE_SPACE = /^\s+$/u

/**
 * Folded spelling of every code point met so far (most text repeats a few hundred): dense
 * for the Basic Multilingual Plane, where nearly all text lies, a map beyond it.
 */
const foldedUnits: (string | undefined)[] = new Array<string | undefined>(0x10000)
const foldedAstral = new Map<number, string>()
/** 0 not known yet, 1 not a mark, 2 a combining mark. */
const markUnits = new Uint8Array(0x10000)
/**
 * For a character of the Basic Multilingual Plane that folds to one unit on its own: that
 * unit + 1, or `SPACE_UNIT` for white space; 0 while not known (or when it folds to none
 * or several). Lets most non-Latin text (Cyrillic, Greek, Arabic, Chinese) fold in the same
 * tight loop as ASCII.
 */
const singleUnits = new Int32Array(0x10000)
const SPACE_UNIT = 0x20000

/** Reused between calls (folding is synchronous), grown as needed. */
let unitBuffer = new Uint16Array(1 << 14)
let originBuffer = new Uint32Array((1 << 14) + 1)

/**
 * The text as search compares it: case, accents (é = e, ğ = g), compatibility forms (ﬁ =
 * fi, full-width Ａ = A), curly and straight quotes and apostrophes are all made equal, and
 * every run of white space becomes one space. Each character with the marks that follow it
 * is folded on its own (NFKD, lower case, decorative marks dropped, NFC), so the index, the
 * query and the passage search all fold alike and every folded unit maps back to the
 * character it came from.
 */
export function foldText(text: string, start = 0, end = text.length): string {
  return fold(text, start, end, false).text
}

/** A folded stretch of text and, for each of its code units, where it came from. */
export interface FoldedText {
  text: string
  /**
   * `origins[i]` is the offset in the original text of the character that folded unit `i`
   * came from; `origins[text.length]` is the end of the folded stretch.
   */
  origins: Uint32Array
}

/** `foldText`, plus the offset in `text` that each folded code unit came from. */
export function foldTextWithOrigins(text: string, start = 0, end = text.length): FoldedText {
  return fold(text, start, end, true)
}

/** The original range `[start, end)` that the folded range `[foldedStart, foldedEnd)` came from. */
export function originalRange(
  folded: FoldedText,
  foldedStart: number,
  foldedEnd: number
): { start: number; end: number } {
  const { origins } = folded
  const start = origins[foldedStart]
  const last = origins[foldedEnd - 1]
  // One character may fold to several units (ß → ss): end after the whole character.
  let next = foldedEnd
  while (next < folded.text.length && origins[next] === last) next++
  return { start, end: origins[next] }
}

function fold(text: string, start: number, end: number, withOrigins: boolean): FoldedText {
  let length = 0
  let spaced = false
  let i = start
  while (i < end) {
    if (length + FOLD_HEADROOM >= unitBuffer.length) grow(length)
    const unit = text.charCodeAt(i)
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0
    // Every mark lies at U+0300 or above, so a character before a unit below that, or
    // before one known not to be a mark, stands alone: the fast paths for most text.
    const alone = next < 0x300 || markUnits[next] === 1
    if (alone && unit >= 0x80) {
      const single = singleUnits[unit]
      if (single === SPACE_UNIT) {
        if (!spaced) {
          unitBuffer[length] = 0x20
          if (withOrigins) originBuffer[length] = i
          length++
          spaced = true
        }
        i++
        continue
      }
      if (single > 0) {
        unitBuffer[length] = single - 1
        if (withOrigins) originBuffer[length] = i
        length++
        spaced = false
        i++
        continue
      }
    }
    if (alone && unit < 0x80) {
      if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)) {
        if (!spaced) {
          unitBuffer[length] = 0x20
          if (withOrigins) originBuffer[length] = i
          length++
          spaced = true
        }
      } else {
        unitBuffer[length] = unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit
        if (withOrigins) originBuffer[length] = i
        length++
        spaced = false
      }
      i++
      continue
    }
    const size = codePointLength(text, i)
    let clusterEnd = i + size
    while (clusterEnd < end && isMark(text.codePointAt(clusterEnd)!))
      clusterEnd += codePointLength(text, clusterEnd)
    const folded =
      clusterEnd === i + size
        ? foldCodePoint(size === 1 ? unit : text.codePointAt(i)!)
        : foldCluster(text.slice(i, clusterEnd))
    if (clusterEnd === i + 1 && (unit < 0xd800 || unit > 0xdfff))
      singleUnits[unit] =
        folded === ' ' ? SPACE_UNIT : folded.length === 1 ? folded.charCodeAt(0) + 1 : 0
    if (folded === ' ') {
      if (!spaced) {
        unitBuffer[length] = 0x20
        if (withOrigins) originBuffer[length] = i
        length++
      }
      spaced = true
    } else if (folded.length > 0) {
      if (length + folded.length >= unitBuffer.length) grow(length + folded.length)
      for (let k = 0; k < folded.length; k++) {
        unitBuffer[length] = folded.charCodeAt(k)
        if (withOrigins) originBuffer[length] = i
        length++
      }
      spaced = false
    }
    i = clusterEnd
  }
  if (!withOrigins) return { text: fromUnits(unitBuffer, length), origins: new Uint32Array(0) }
  const origins = originBuffer.slice(0, length + 1)
  origins[length] = end
  return { text: fromUnits(unitBuffer, length), origins }
}

/** Room for the one or two units most characters fold to, checked once per character. */
const FOLD_HEADROOM = 4

function grow(needed: number): void {
  const size = Math.max(unitBuffer.length * 2, needed + FOLD_HEADROOM + 1)
  const units = new Uint16Array(size)
  units.set(unitBuffer)
  unitBuffer = units
  const origins = new Uint32Array(size + 1)
  origins.set(originBuffer)
  originBuffer = origins
}

function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x10000) {
    let folded = foldedUnits[codePoint]
    if (folded === undefined)
      foldedUnits[codePoint] = folded = foldCluster(String.fromCharCode(codePoint))
    return folded
  }
  let folded = foldedAstral.get(codePoint)
  if (folded === undefined) {
    folded = foldCluster(String.fromCodePoint(codePoint))
    foldedAstral.set(codePoint, folded)
  }
  return folded
}

function isDecorative(unit: number): boolean {
  return DECORATIVE_MARKS.some(([first, last]) => unit >= first && unit <= last)
}

function isMark(codePoint: number): boolean {
  if (codePoint < 0x300) return false
  if (codePoint < 0x10000 && markUnits[codePoint] === 1) return false
  if (codePoint >= 0x10000) return MARK.test(String.fromCodePoint(codePoint))
  let mark = markUnits[codePoint]
  if (mark === 0) markUnits[codePoint] = mark = MARK.test(String.fromCharCode(codePoint)) ? 2 : 1
  return mark === 2
}

function foldCluster(cluster: string): string {
  const folded = cluster
    .replace(EQUIVALENT_CHARACTERS, (c) => EQUIVALENTS[c])
    .normalize('NFKD')
    .toLowerCase()
    .split('')
    .filter((unit) => !isDecorative(unit.charCodeAt(0)))
    .join('')
    .replace(EQUIVALENT_CHARACTERS, (c) => EQUIVALENTS[c])
    .normalize('NFC')
  return WHITE_SPACE.test(folded) ? ' ' : folded
}

function codePointLength(text: string, i: number): number {
  const unit = text.charCodeAt(i)
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1
}

/** Node's Buffer where there is one (the core); the renderer has none. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(buffer: ArrayBufferLike, offset: number, length: number): { toString(e: string): string }
    }
  }
).Buffer

/** Code units per `String.fromCharCode` call, well under any engine's argument limit. */
const CHUNK = 8192

/**
 * The units as a string, exactly, lone surrogates too: Node's Buffer copies UTF-16 code
 * units at once; elsewhere `String.fromCharCode` takes them a chunk at a time.
 */
function fromUnits(units: Uint16Array, length: number): string {
  if (NodeBuffer)
    return NodeBuffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le')
  let text = ''
  for (let at = 0; at < length; at += CHUNK)
    text += String.fromCharCode(...units.subarray(at, Math.min(length, at + CHUNK)))
  return text
}
