import { normalizeName } from '../../../src/core/attribution/normalizeName'
import type { Suggestion } from '../../../src/shared/suggestion'
import type { LabelledClaim } from './labelledSet'

/** A pronoun left unresolved names no one, so it never matches a labelled claimant. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her', 'them', 'we', 'i'])

/** Passages match when they overlap by at least this share of the shorter one. */
export const MIN_OVERLAP = 0.5

export interface Score {
  labelled: number
  found: number
  matched: number
  sameType: number
  /** Labelled claims nothing matched, and suggestions that matched no label. */
  missed: LabelledClaim[]
  spurious: Suggestion[]
  wrongType: { label: LabelledClaim; found: Suggestion }[]
}

/**
 * Pairs suggestions with labels one to one: passages overlapping by half the shorter span,
 * and the same claimant. A label with `refersTo` needs a claimant containing that name (the
 * reference resolved); otherwise the two claimants, normalised, are equal or one starts the
 * other (`A report by the agency` and `A report by the agency last year`). Each label takes
 * the matching suggestion it overlaps most.
 */
export function scoreSuggestions(labels: LabelledClaim[], found: Suggestion[]): Score {
  const free = new Set(found)
  const score: Score = {
    labelled: labels.length,
    found: found.length,
    matched: 0,
    sameType: 0,
    missed: [],
    spurious: [],
    wrongType: []
  }
  for (const label of labels) {
    let best: Suggestion | undefined
    let bestOverlap = 0
    for (const suggestion of free) {
      const overlap = Math.min(label.end, suggestion.end) - Math.max(label.start, suggestion.start)
      const shorter = Math.min(label.end - label.start, suggestion.end - suggestion.start)
      if (overlap < MIN_OVERLAP * shorter || overlap <= bestOverlap) continue
      if (!sameClaimant(label, suggestion.claimant)) continue
      best = suggestion
      bestOverlap = overlap
    }
    if (!best) {
      score.missed.push(label)
      continue
    }
    free.delete(best)
    score.matched++
    if (best.attribution === label.attribution) score.sameType++
    else score.wrongType.push({ label, found: best })
  }
  score.spurious = [...free]
  return score
}

export function sameClaimant(label: LabelledClaim, claimant: string): boolean {
  const found = normalizeName(claimant)
  if (PRONOUNS.has(found)) return false
  if (label.refersTo !== undefined)
    return ` ${found} `.includes(` ${normalizeName(label.refersTo)} `)
  const wanted = normalizeName(label.claimant)
  if (found === wanted) return true
  const [shorter, longer] = found.length < wanted.length ? [found, wanted] : [wanted, found]
  return shorter.includes(' ') && longer.startsWith(`${shorter} `)
}

/** Adds up scores, e.g. over every text of the set. */
export function addScores(scores: Score[]): Score {
  return scores.reduce((sum, score) => ({
    labelled: sum.labelled + score.labelled,
    found: sum.found + score.found,
    matched: sum.matched + score.matched,
    sameType: sum.sameType + score.sameType,
    missed: [...sum.missed, ...score.missed],
    spurious: [...sum.spurious, ...score.spurious],
    wrongType: [...sum.wrongType, ...score.wrongType]
  }))
}
