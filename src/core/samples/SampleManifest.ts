import { z } from 'zod'
import { HighlightColor } from '../../shared/annotation'
import { Attribution, ClaimStatus, Credibility, LinkRelation } from '../../shared/claim'
import { Reliability, SourceKind } from '../../shared/source'

/** A name the manifest's entries use to refer to each other. */
const Key = z.string().min(1)

/**
 * A passage of a sample article, found by its text rather than by offsets, so the articles
 * can be edited without recounting: the `occurrence`-th (1-based) exact match of `quote`.
 */
const Passage = {
  article: Key,
  quote: z.string().min(1),
  occurrence: z.number().int().positive().optional()
}

/**
 * `resources/samples/sample-library.json`: the sample articles (Markdown files beside it),
 * the sources with their grades, and the highlights, claims and links to create in them.
 */
export const SampleManifest = z
  .object({
    about: z.string(),
    articles: z.array(z.object({ key: Key, file: z.string().regex(/^[\w.-]+$/) }).strict()).min(1),
    /** Keys of the articles to open side by side. */
    open: z.array(Key),
    sources: z.array(
      z
        .object({
          key: Key,
          name: z.string().min(1),
          kind: SourceKind,
          aliases: z.array(z.string().min(1)).optional(),
          note: z.string().optional(),
          reliability: Reliability.optional(),
          /** Why the grade: required with one, as the registry keeps it. */
          reason: z.string().min(1).optional()
        })
        .strict()
        .refine((s) => (s.reliability === undefined) === (s.reason === undefined), {
          message: 'a reliability needs a reason, and a reason a reliability'
        })
    ),
    highlights: z.array(
      z.object({ ...Passage, color: HighlightColor, note: z.string().optional() }).strict()
    ),
    claims: z.array(
      z
        .object({
          key: Key,
          ...Passage,
          /** The attributing phrase; the occurrence nearest the claim is taken. */
          cue: z.string().min(1).optional(),
          claimant: Key,
          attribution: Attribution,
          statement: z.string().optional(),
          status: ClaimStatus,
          credibility: Credibility.optional()
        })
        .strict()
    ),
    links: z.array(z.object({ from: Key, relation: LinkRelation, to: Key }).strict())
  })
  .strict()
export type SampleManifest = z.infer<typeof SampleManifest>
