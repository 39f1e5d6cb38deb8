import { z } from 'zod'
import { Conflicts } from './conflict'
import type { ClaimStatus } from './claim'

/** Admiralty source reliability: A (completely reliable) to F (cannot be judged). */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const Reliability = z.enum(RELIABILITY_GRADES)
export type Reliability = z.infer<typeof Reliability>

export const SOURCE_KINDS = ['person', 'organisation', 'outlet', 'document', 'anonymous'] as const
export const SourceKind = z.enum(SOURCE_KINDS)
export type SourceKind = z.infer<typeof SourceKind>

/** One change of a source's reliability grade, with the analyst's reason. */
export const GradeChange = z.object({
  at: z.string(),
  from: Reliability.optional(),
  to: Reliability.optional(),
  reason: z.string()
})
export type GradeChange = z.infer<typeof GradeChange>

/**
 * A claimant in the library's registry: a person, organisation, outlet, document or an
 * anonymous group. Its reliability is graded here once and reused by every claim.
 */
export const Source = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: SourceKind,
  aliases: z.array(z.string()),
  reliability: Reliability.optional(),
  gradeHistory: z.array(GradeChange),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A tombstone: set when deleted or merged away. */
  deletedAt: z.string().optional(),
  /** When merged into another source: the survivor, and the claims that were repointed. */
  mergedInto: z.string().optional(),
  mergedClaims: z.array(z.object({ articleId: z.string(), claimId: z.string() })).optional(),
  /** Versions that lost a merge of a backup. */
  conflicts: Conflicts
})
export type Source = z.infer<typeof Source>

/** A source with its track record: how many of its claims stand at each status. */
export interface SourceRecord extends Source {
  claims: number
  byStatus: Record<ClaimStatus, number>
}
