import type { Claim } from '../../../shared/claim'
import type { AcceptedSuggestions } from '../../../shared/suggestion'
import type { UndoableAction } from '../annotations/UndoStack'
import { quoteOf } from '../claims/quoteOf'
import { unwrap } from '../transport/unwrap'

/** Tells the claims in the panes about claims made or deleted here, with no undo step of theirs. */
export interface ClaimsTold {
  added(claims: Claim[]): Promise<void>
  removed(claims: Claim[]): Promise<void>
}

interface Accepted {
  articleId: string
  made: AcceptedSuggestions
  /** The suggestions' keys: undo proposes them again, redo takes them away again. */
  keys: readonly string[]
  claims: ClaimsTold
  /** After undo: the article's suggestions as the finder now offers them. */
  offerAgain(articleId: string, keys: readonly string[]): Promise<void>
  /** After redo: the suggestions are claims again. */
  withdraw(articleId: string, keys: readonly string[]): void
}

/**
 * Undo of accepted suggestions: the claims are deleted (tombstones, as any claim's delete),
 * then the sources made for their claimants, which no claim names any more; redo brings the
 * sources back first, then the claims.
 */
export function acceptedAction(accepted: Accepted): UndoableAction {
  const { articleId, made, keys, claims } = accepted
  const label =
    made.claims.length === 1
      ? `accept suggested claim ${quoteOf(made.claims[0]!.quote.exact)}`
      : `accept ${made.claims.length} suggested claims`
  const first = made.claims[0]?.position
  return {
    label,
    where: { articleId, ...first },
    async undo() {
      for (const claim of made.claims)
        await unwrap(window.api.deleteClaim({ articleId, id: claim.id }))
      for (const source of made.sources) await unwrap(window.api.deleteSource({ id: source.id }))
      await claims.removed(made.claims)
      await accepted.offerAgain(articleId, keys)
    },
    async redo() {
      for (const source of made.sources) await unwrap(window.api.undeleteSource({ id: source.id }))
      const back: Claim[] = []
      for (const claim of made.claims)
        back.push(await unwrap(window.api.undeleteClaim({ articleId, id: claim.id })))
      await claims.added(back)
      accepted.withdraw(articleId, keys)
    }
  }
}
