import type { ClaimSummary } from '../shared/claim'
import { DossierError } from '../shared/result'

/** Claim ids are UUIDs; tables show this many characters of each, or more where needed. */
const SHORT_ID_LENGTH = 8
/** As for article ids: a shorter prefix is too likely to be a typo. */
const MIN_PREFIX_LENGTH = 4

/** The prefix length, at least 8, that tells every one of `ids` apart (like git's short hashes). */
export function shortIdLength(ids: readonly string[]): number {
  const sorted = [...ids].sort()
  let length = SHORT_ID_LENGTH
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!
    const b = sorted[i]!
    let common = 0
    while (common < a.length && a[common] === b[common]) common++
    length = Math.max(length, common + 1)
  }
  return length
}

/**
 * The claim that `typed` names among `claims`: its whole id, or a prefix of at least four
 * characters that starts no other. `field` names the argument in errors.
 */
export function resolveClaimId<T extends ClaimSummary>(
  claims: readonly T[],
  typed: string,
  field: string
): T {
  const exact = claims.find((claim) => claim.id === typed)
  if (exact) return exact
  const matches =
    typed.length >= MIN_PREFIX_LENGTH ? claims.filter((claim) => claim.id.startsWith(typed)) : []
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1)
    throw new DossierError(
      'invalid_input',
      `${field}: ${typed} is ambiguous: it starts ${matches.length} claim ids; type more of it.`
    )
  throw new DossierError(
    'not_found',
    `${field}: no claim ${typed} outside the Trash (ids and prefixes of ${MIN_PREFIX_LENGTH}+ characters are listed by dossier claims).`
  )
}
