import type { Attribution, Claim } from './claim'
import type { Source } from './source'

/**
 * How a suggested claim is attributed, in the claims' own terms (issue #9); the finder never
 * proposes `author`, the analyst's word for an article's own assertions.
 */
export type SuggestedAttribution = Exclude<Attribution, 'author'>

/**
 * One claim the finder proposes. Offsets are UTF-16 code units of the exact text it was given
 * (the stored article text), so a suggestion anchors like a highlight.
 */
export interface Suggestion {
  /** The statement: `quote === text.slice(start, end)`. */
  start: number
  end: number
  quote: string
  /**
   * Who makes it, as written: where the text refers to the claimant by a pronoun or a short
   * reference (`she`, `the spokesperson`, `Marrow`), the earlier mention it stands for
   * (`Ilse Marrow, secretary of the Velmora Dockers' Union`). Empty when unattributed.
   */
  claimant: string
  /** Where `claimant` is written: `claimant === text.slice(claimantStart, claimantEnd)`. */
  claimantStart?: number
  claimantEnd?: number
  /** The pronoun or short reference at this claim, when `claimant` was resolved from it. */
  referenceStart?: number
  referenceEnd?: number
  /** The words that mark the attribution: `said`, `according to`, `reportedly`. */
  cue: string
  cueStart: number
  cueEnd: number
  attribution: SuggestedAttribution
}

/** A suggestion as the API offers it, to be accepted or rejected by its key. */
export interface ClaimSuggestion extends Suggestion {
  /** The same for as long as the article's text is: a hash of `start`, `end` and `cue`. */
  key: string
  /** The registry source the claimant is, by name or alias, when exactly one matches. */
  sourceId?: string
}

/** What accepting suggestions stored: undoing it deletes the claims, then the sources. */
export interface AcceptedSuggestions {
  /** One claim per suggestion, in the order of the keys. */
  claims: Claim[]
  /** The sources made for claimants the registry did not have. */
  sources: Source[]
}

/**
 * The library's background pass of the attribution finder: every article's suggestions read
 * once and kept, so **Suggest claims** answers at once.
 */
export interface SuggestionPassProgress {
  /**
   * `idle` before the first start; `running`; `paused` while the analyst is making changes
   * (it goes on once they stop for a moment); `stopped` when asked to; `done` when every
   * article outside the Trash has been read.
   */
  state: 'idle' | 'running' | 'paused' | 'stopped' | 'done'
  /** Articles outside the Trash whose suggestions are kept, of `total`. */
  done: number
  total: number
  /** Articles the finder could not read in this pass. */
  failed: number
}
