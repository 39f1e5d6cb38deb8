import { chunkText } from './chunkText'
import { foldText } from './foldText'
import type { TimeSlicer } from './TimeSlicer'

/** An article's text folded chunk by chunk, as the index cuts it and a search folds it. */
export interface FoldedChunks {
  /** Where each chunk starts in the text, rising. */
  starts: number[]
  /** Each chunk folded (see `foldText`). */
  parts: string[]
  /** UTF-16 units of the parts together. */
  units: number
}

/**
 * Folds an article's text chunk by chunk (see `chunkText`), exactly as a search folds each
 * chunk it examines, so that a phrase is in a part exactly when the search would find it
 * in that chunk. Pauses between chunks, so that folding a 500 KB report never holds the
 * event loop longer than a slice.
 */
export async function foldChunks(text: string, slicer: TimeSlicer): Promise<FoldedChunks> {
  const folded: FoldedChunks = { starts: [], parts: [], units: 0 }
  for (const chunk of chunkText(text)) {
    const part = foldText(text, chunk.start, chunk.end)
    folded.starts.push(chunk.start)
    folded.parts.push(part)
    folded.units += part.length
    await slicer.pause()
  }
  return folded
}

/** The folded part of the chunk that starts at `start`; `undefined` if none does. */
export function foldedPart(folded: FoldedChunks, start: number): string | undefined {
  let low = 0
  let high = folded.starts.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const found = folded.starts[middle]
    if (found === start) return folded.parts[middle]
    if (found < start) low = middle + 1
    else high = middle - 1
  }
  return undefined
}
