/**
 * The fixed words of claims and sources, as `src/shared/claim.ts` and `source.ts` define
 * them, repeated here because those modules load zod and `--help` must not: option parsers
 * check these lists. tests/unit/cli/claimVocabulary.test.ts keeps the two the same.
 */

/** Where the analyst's review of a claim stands. */
export const CLAIM_STATUSES = [
  'unreviewed',
  'checking',
  'supported',
  'disputed',
  'refuted',
  'unverifiable'
] as const

/** How the article attributes the claim to its claimant. */
export const ATTRIBUTIONS = ['named', 'anonymous', 'unattributed', 'author'] as const

/** How one claim bears on another: `from` supports, contradicts, repeats or cites `to`. */
export const LINK_RELATIONS = ['supports', 'contradicts', 'repeats', 'derives-from'] as const

/** Admiralty source reliability: A (completely reliable) to F (cannot be judged). */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const

export const SOURCE_KINDS = ['person', 'organisation', 'outlet', 'document', 'anonymous'] as const

/** What `dossier search --kind` takes, as `src/shared/search.ts` names the kinds. */
export const SEARCH_KINDS = ['article', 'highlight', 'claim', 'note', 'notebook', 'source'] as const
