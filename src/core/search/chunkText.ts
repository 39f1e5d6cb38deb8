import { characterClass } from './characterClass'

/** A stretch of an article's text, `[start, end)` in UTF-16 units. */
export interface TextChunk {
  start: number
  end: number
}

/**
 * About this many index terms per chunk: MiniSearch takes 3–10 µs per term on the shared
 * benchmark machine, so a chunk is added in a few milliseconds, and adding a 500 KB report
 * holds the event loop no longer than that at a time. Halving it from 1,000 cost 4% more
 * index memory (terms repeated across chunks).
 */
export const TERMS_PER_CHUNK = 500

/**
 * Splits an article's text into the stretches the index holds as documents of their own:
 * at a paragraph break if there is one in the second half of the chunk, else at a line
 * break, a sentence end, a space, or (in Chinese or Japanese without punctuation) between
 * two characters. A phrase is found only within one chunk, hence the paragraph breaks.
 */
export function chunkText(text: string, termsPerChunk = TERMS_PER_CHUNK): TextChunk[] {
  const chunks: TextChunk[] = []
  let start = 0
  while (start < text.length) {
    const end = chunkEnd(text, start, termsPerChunk)
    chunks.push({ start, end })
    start = end
  }
  return chunks
}

function chunkEnd(text: string, start: number, termsPerChunk: number): number {
  let terms = 0
  let inWord = false
  let paragraph = -1
  let line = -1
  let sentence = -1
  let space = -1
  for (let i = start; i < text.length;) {
    const codePoint = text.codePointAt(i)!
    const size = codePoint > 0xffff ? 2 : 1
    const found = characterClass(codePoint)
    if (found === 'word') {
      if (!inWord) terms++
      inWord = true
    } else {
      inWord = false
      if (found === 'spaceless') terms++
      if (codePoint === 0x0a) {
        if (text.charCodeAt(i + 1) === 0x0a) paragraph = i + 2
        line = i + 1
      } else if (codePoint === 0x20) space = i + 1
      else if (SENTENCE_ENDS.has(codePoint)) sentence = i + size
    }
    if (terms > termsPerChunk) {
      const half = start + (i - start) / 2
      for (const cut of [paragraph, line, sentence, space]) if (cut > half) return cut
      return i
    }
    i += size
  }
  return text.length
}

/** . ! ? and their Chinese and Japanese full-width forms. */
const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0xff0e])
