import type { Claim } from '../../../shared/claim'

/** The claims whose passage covers `offset`, the shortest (innermost) first. */
export function claimsAt(claims: readonly Claim[], offset: number): Claim[] {
  return claims
    .filter((claim) => claim.position.start <= offset && offset < claim.position.end)
    .sort((a, b) => a.position.end - a.position.start - (b.position.end - b.position.start))
}
