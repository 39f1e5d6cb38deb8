import type { Library } from '../core/store/Library'
import type { TextPosition } from '../shared/annotation'
import type { Article } from '../shared/article'
import type { Attribution, Claim, ClaimStatus } from '../shared/claim'
import { DossierError } from '../shared/result'
import { plainToDoc } from '../shared/richText'
import type { Reliability, Source, SourceKind } from '../shared/source'
import { parseInput } from './flagErrors'

/** The flags of `dossier annotate --claim`. */
export interface ClaimFlags {
  note?: string
  status?: ClaimStatus
  claimant?: string
  claimantKind: SourceKind
  attribution?: Attribution
  reliability?: Reliability
  reason: string
  credibility?: number
  statement?: string
  tag?: string[]
}

/** Where the claim's fields come from on the command line, for errors. */
const CLAIM_FLAGS = {
  statement: '--statement',
  attribution: '--attribution',
  status: '--status',
  credibility: '--credibility',
  tags: '--tag',
  note: '--note'
}

/**
 * Stores the claim `dossier annotate --claim` describes at `position`: the claimant is the
 * registry source of that name or alias, added when there is none, and graded when
 * `--reliability` differs from its grade. Every input is checked before the first write,
 * so a refused command stores nothing.
 */
export async function saveClaim(
  library: Library,
  article: Article,
  position: TextPosition,
  flags: ClaimFlags
): Promise<{ claim: Claim; source: Source | undefined }> {
  if (article.text.slice(position.start, position.end).trim() === '')
    throw new DossierError('invalid_input', '--quote: is only white space; quote what is claimed.')
  const claimInput = parseInput(
    'createClaim',
    {
      articleId: article.id,
      ...position,
      ...(flags.statement !== undefined ? { statement: flags.statement } : {}),
      ...(flags.attribution ? { attribution: flags.attribution } : {}),
      ...(flags.status ? { status: flags.status } : {}),
      ...(flags.credibility ? { credibility: flags.credibility } : {}),
      ...(flags.tag ? { tags: flags.tag } : {}),
      ...(flags.note !== undefined ? { note: plainToDoc(flags.note) } : {})
    },
    CLAIM_FLAGS
  )
  let source = flags.claimant === undefined ? undefined : library.findSource(flags.claimant)
  const newSource =
    flags.claimant !== undefined && !source
      ? parseInput(
          'createSource',
          { name: flags.claimant, kind: flags.claimantKind },
          { name: '--claimant', kind: '--claimant-kind' }
        )
      : undefined
  const grade =
    flags.reliability !== undefined && flags.reliability !== source?.reliability
      ? parseInput(
          'gradeSource',
          // A new source has no id yet; ids are checked for their shape only.
          { id: source?.id ?? 'new', reliability: flags.reliability, reason: flags.reason },
          { reliability: '--reliability', reason: '--reason' }
        )
      : undefined

  if (newSource) source = await library.createSource(newSource)
  if (grade) source = await library.gradeSource({ ...grade, id: source!.id })
  const claim = await library.createClaim({
    ...claimInput,
    ...(source ? { sourceId: source.id } : {})
  })
  return { claim, source }
}
