/** Characters a wrong code page produces far more often than any writer does. */
const RARE =
  /[\u0080-\u009f\u00a4\u00a6\u00a8\u00ac\u00af\u00b4\u00b8\u2200-\u22ff\u2500-\u259f\ue000-\uf8ff\uff61-\uff9f]/gu

/** Scripts that do not share a word; Japanese mixes kanji and kana freely, so they are one. */
const SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Greek}/u, 'greek'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Thai}/u, 'thai'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, 'cjk']
]

/** How many characters of a decode are judged; enough to tell, bounded for big files. */
const SAMPLE_CHARS = 64 * 1024

/**
 * How unlike real text a decode looks, per non-ASCII character (0 = plausible): symbols
 * that wrong code pages produce (box drawing, half-width katakana, C1 codes) and words
 * that switch script mid-word ("CafИ"). Ranks candidate encodings when the detector's
 * own confidence is low or tied, as it is for short texts.
 */
export function implausibility(text: string): number {
  const sample = text.slice(0, SAMPLE_CHARS)
  let nonAscii = 0
  let switches = 0
  let previous: string | undefined
  for (const char of sample) {
    if (char.charCodeAt(0) >= 0x80) nonAscii++
    const script = /\p{L}/u.test(char) ? scriptOf(char) : undefined
    if (script && previous && script !== previous) switches++
    previous = script
  }
  if (nonAscii === 0) return 0
  const rare = sample.match(RARE)?.length ?? 0
  return (rare + switches) / nonAscii
}

function scriptOf(char: string): string {
  return SCRIPTS.find(([pattern]) => pattern.test(char))?.[1] ?? 'other'
}
