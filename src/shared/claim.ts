import { z } from 'zod'
import { Conflicts } from './conflict'
import { TextPosition, TextQuote } from './annotation'
import { RichDoc } from './richText'

/** Where the analyst's review of a claim stands. */
export const CLAIM_STATUSES = [
  'unreviewed',
  'checking',
  'supported',
  'disputed',
  'refuted',
  'unverifiable'
] as const
export const ClaimStatus = z.enum(CLAIM_STATUSES)
export type ClaimStatus = z.infer<typeof ClaimStatus>

/** How the article attributes the claim to its claimant. */
export const ATTRIBUTIONS = ['named', 'anonymous', 'unattributed', 'author'] as const
export const Attribution = z.enum(ATTRIBUTIONS)
export type Attribution = z.infer<typeof Attribution>

/** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged), per claim. */
export const Credibility = z.number().int().min(1).max(6)
export type Credibility = z.infer<typeof Credibility>

/** A second span of the article: the phrase that attributes the claim ("said on Tuesday"). */
export const Span = z.object({ position: TextPosition, quote: TextQuote })
export type Span = z.infer<typeof Span>

/** The fields whose every change a claim's audit trail records. */
export const AUDITED_FIELDS = [
  'created',
  'statement',
  'source',
  'attribution',
  'status',
  'credibility',
  'link',
  'unlink'
] as const
export const ClaimChange = z.object({
  at: z.string(),
  field: z.enum(AUDITED_FIELDS),
  from: z.string().optional(),
  to: z.string().optional()
})
export type ClaimChange = z.infer<typeof ClaimChange>

/**
 * A passage the article asserts, with the analyst's judgement of it. Anchored like a
 * highlight (position + quote); the claimant is a source of the registry, whose
 * reliability (A–F) is graded once there, while credibility (1–6) is this claim's own.
 */
export const Claim = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  position: TextPosition,
  quote: TextQuote,
  /** The proposition in the analyst's words, one line; '' when not written. */
  statement: z.string(),
  sourceId: z.string().optional(),
  attributionSpan: Span.optional(),
  attribution: Attribution,
  status: ClaimStatus,
  credibility: Credibility.optional(),
  tags: z.array(z.string()),
  note: RichDoc,
  history: z.array(ClaimChange),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A tombstone: set when deleted, so the deletion can be undone and shared. */
  deletedAt: z.string().optional(),
  /** Versions that lost a merge of a backup. */
  conflicts: Conflicts
})
export type Claim = z.infer<typeof Claim>

/** How one claim bears on another: `from` supports, contradicts, repeats or cites `to`. */
export const LINK_RELATIONS = ['supports', 'contradicts', 'repeats', 'derives-from'] as const
export const LinkRelation = z.enum(LINK_RELATIONS)
export type LinkRelation = z.infer<typeof LinkRelation>

/**
 * A typed link between two claims, stored with the `from` claim's article, so creating one
 * rewrites one small file. A deleted link keeps its record as the tombstone: the claims'
 * audit trails show when it was made and removed.
 */
export const ClaimLink = z.object({
  id: z.string().min(1),
  fromClaimId: z.string().min(1),
  fromArticleId: z.string().min(1),
  toClaimId: z.string().min(1),
  toArticleId: z.string().min(1),
  relation: LinkRelation,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().optional(),
  /** Set when the link went with a deleted claim, so undeleting the claim brings it back. */
  deletedWithClaim: z.string().optional(),
  /** Versions that lost a merge of a backup. */
  conflicts: Conflicts
})
export type ClaimLink = z.infer<typeof ClaimLink>

/** What the claims board and cross-article links need of a claim, kept in a derived index. */
export const ClaimSummary = z.object({
  id: z.string(),
  articleId: z.string(),
  start: z.number(),
  end: z.number(),
  exact: z.string(),
  statement: z.string(),
  sourceId: z.string().optional(),
  attribution: Attribution,
  status: ClaimStatus,
  credibility: Credibility.optional(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type ClaimSummary = z.infer<typeof ClaimSummary>

/** One row of the claims board: the summary with its article, claimant and link count. */
export interface ClaimBoardRow extends ClaimSummary {
  articleTitle: string
  sourceName?: string
  reliability?: string
  links: number
}

/**
 * Every claim of the board, by column: position `i` of each array is claim `i`. Articles,
 * sources and tags, which many claims share, are sent once and named by their position.
 * As rows, 50,000 claims were 35.7 MB of JSON, every key and article title repeated, that
 * the host built and serialised in seconds; `claimBoardRows` turns this back into rows.
 */
export interface ClaimBoard {
  articles: { id: string; title: string }[]
  /** A claimant not in the registry (yet) has its id only. */
  sources: { id: string; name?: string; reliability?: string }[]
  tags: string[]
  claims: {
    id: string[]
    /** Position in `articles`. */
    article: number[]
    start: number[]
    end: number[]
    exact: string[]
    statement: string[]
    /** Position in `sources`; -1 without a claimant. */
    source: number[]
    attribution: Attribution[]
    status: ClaimStatus[]
    /** 0 when not graded. */
    credibility: number[]
    /** Positions in `tags`. */
    tags: number[][]
    createdAt: string[]
    updatedAt: string[]
    /** Live links touching the claim. */
    links: number[]
  }
}

/** The claim at the other end of a link, as a card shows it. */
export interface LinkedClaim {
  link: ClaimLink
  /** Whether this claim is the link's `from` end. */
  outgoing: boolean
  other: ClaimSummary
  otherArticleTitle: string
  otherSourceName?: string
}

/** A claim's corroboration: what supports and contradicts it, and how independently. */
export interface Corroboration {
  claimId: string
  supporting: LinkedClaim[]
  contradicting: LinkedClaim[]
  /** Claims this one derives from (cites), and claims that derive from it. */
  upstream: LinkedClaim[]
  downstream: LinkedClaim[]
  /** Distinct upstream origins among the supporting claims (a source, or a root claim). */
  independentSupport: number
  independentContradiction: number
  /** Circular reporting: "independent" supports that lead back to one origin. */
  warnings: string[]
}

/** The familiar Admiralty code, e.g. `B3`; `?` marks an ungraded half. */
export function gradeCode(
  reliability: string | undefined,
  credibility: number | undefined
): string {
  return `${reliability ?? '?'}${credibility ?? '?'}`
}
