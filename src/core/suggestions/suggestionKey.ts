import { createHash } from 'node:crypto'
import type { Suggestion } from '../../shared/suggestion'

/**
 * A suggestion's key: a hash of its passage's offsets and its cue, so it stays the same for
 * as long as the article's text does (an article's text never changes) and whichever host
 * asks. A rejection is remembered by it.
 */
export function suggestionKey({ start, end, cue }: Pick<Suggestion, 'start' | 'end' | 'cue'>) {
  return createHash('sha256').update(`${start}:${end}:${cue}`).digest('hex').slice(0, 16)
}
