import { z } from 'zod'

/**
 * The version of a record that lost when a backup was merged into a library: both had
 * changed it, the one changed later won, and this one is kept beside it so nothing an
 * analyst wrote is lost. Merging the same backup again adds no second copy.
 */
export const ConflictCopy = z.object({
  /** When the merge found the two versions. */
  at: z.string(),
  /** Whose version this is: the library's own, or the backup's. */
  from: z.enum(['library', 'backup']),
  /** The losing version as it was (its own conflict copies left out). */
  record: z.record(z.string(), z.unknown())
})
export type ConflictCopy = z.infer<typeof ConflictCopy>

/** The optional field each mergeable record carries. */
export const Conflicts = z.array(ConflictCopy).optional()
