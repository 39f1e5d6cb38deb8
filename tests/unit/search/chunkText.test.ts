import { describe, expect, it } from 'vitest'
import { chunkText } from '../../../src/core/search/chunkText'

describe('chunkText', () => {
  it('covers the text exactly, in order, cutting at paragraph breaks', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says a few words.`).join(
      '\n\n'
    )
    const chunks = chunkText(text, 100)
    expect(chunks.length).toBeGreaterThan(10)
    expect(chunks[0].start).toBe(0)
    expect(chunks.at(-1)!.end).toBe(text.length)
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0) expect(chunk.start).toBe(chunks[i - 1].end)
      if (i < chunks.length - 1) expect(text.slice(chunk.end - 2, chunk.end)).toBe('\n\n')
    }
  })

  it('cuts Chinese without spaces after a sentence, never inside a surrogate pair', () => {
    const text = '東京都の情報分析センターが発表した。𠀀𠀁𠀂'.repeat(200)
    const chunks = chunkText(text, 100)
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) {
      const unit = text.charCodeAt(chunk.start)
      expect(unit >= 0xdc00 && unit <= 0xdfff).toBe(false)
    }
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(text)
  })
})
