import { useCallback, useMemo, useRef, useState } from 'react'
import type { TextPosition } from '../../../shared/annotation'
import type { Claim, LinkedClaim, LinkRelation } from '../../../shared/claim'
import type { UndoStack } from '../annotations/UndoStack'
import { unwrap } from '../transport/unwrap'
import type { ClaimEdit } from './claimEdit'
import { reverseEdit } from './claimEdit'
import { quoteOf } from './quoteOf'
import { RELATION_LABELS } from './relationWords'

interface Options {
  undoStack: UndoStack
  /** How toasts name an article: "in “Port of Velmora…”". */
  titleOf(articleId: string): string
  /** Says what an edit changed, for its undo toast. */
  describe(before: Claim, edit: ClaimEdit, after: Claim): string
  /** Scrolls to a claim (and selects it) before undo or redo changes it. */
  reveal(articleId: string, claimId: string): void
  /** After a change that can alter sources' track records or the library's counts. */
  onChanged(): void
}

export interface ClaimActions {
  /** Live claims of the loaded articles, in text order. */
  byArticle: ReadonlyMap<string, Claim[]>
  /** Each loaded article's links, seen from its own claims. */
  linksByArticle: ReadonlyMap<string, LinkedClaim[]>
  /** Counts every change, so views of derived data (audit trail, corroboration) refetch. */
  version: number
  /** Loads the claims and links of articles now shown; drops those no longer shown. */
  show(articleIds: readonly string[]): void
  /** Fetches again the claims and links of every article shown (another view changed them). */
  reload(): Promise<void>
  create(articleId: string, passage: TextPosition): Promise<Claim>
  update(claim: Claim, edit: ClaimEdit): Promise<void>
  /** Keeps a claim as stored after a save made elsewhere (its note's), with no undo step. */
  saved(claim: Claim): void
  remove(claim: Claim): Promise<void>
  /**
   * Claims another feature stored or deleted (accepted suggestions, and their undo): shown
   * as they now are, with no undo step of their own here.
   */
  added(claims: Claim[]): Promise<void>
  removed(claims: Claim[]): Promise<void>
  link(from: Claim, to: Pick<Claim, 'id' | 'quote'>, relation: LinkRelation): Promise<void>
  unlink(linked: LinkedClaim, claim: Claim): Promise<void>
}

function inTextOrder(list: Claim[]): Claim[] {
  return [...list].sort(
    (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
  )
}

/** The claims and links of the articles in the panes, every change undoable. */
export function useClaims({
  undoStack,
  titleOf,
  describe,
  reveal,
  onChanged
}: Options): ClaimActions {
  const [byArticle, setByArticle] = useState<ReadonlyMap<string, Claim[]>>(new Map())
  const [linksByArticle, setLinks] = useState<ReadonlyMap<string, LinkedClaim[]>>(new Map())
  const [version, setVersion] = useState(0)
  const shown = useRef<readonly string[]>([])

  const put = useCallback((claim: Claim) => {
    setByArticle((map) => {
      const others = (map.get(claim.articleId) ?? []).filter((c) => c.id !== claim.id)
      return new Map(map).set(claim.articleId, inTextOrder([...others, claim]))
    })
  }, [])
  const drop = useCallback((claim: Claim) => {
    setByArticle((map) =>
      new Map(map).set(
        claim.articleId,
        (map.get(claim.articleId) ?? []).filter((c) => c.id !== claim.id)
      )
    )
  }, [])

  // Fetches run in parallel and may answer out of order: only the latest one is kept.
  const linksAsked = useRef(0)
  const claimsAsked = useRef(0)

  /** Reloads the links of every article shown: a change at one end shows at the other. */
  const refreshLinks = useCallback(async () => {
    const ids = shown.current
    const asked = ++linksAsked.current
    const lists = await Promise.all(
      ids.map((articleId) => unwrap(window.api.listLinks({ articleId })))
    )
    if (asked === linksAsked.current) setLinks(new Map(ids.map((id, i) => [id, lists[i]!])))
  }, [])

  const changed = useCallback(
    async (links: boolean) => {
      setVersion((v) => v + 1)
      onChanged()
      if (links) await refreshLinks()
    },
    [onChanged, refreshLinks]
  )

  const show = useCallback(
    (articleIds: readonly string[]) => {
      const fresh = articleIds.filter((id) => !shown.current.includes(id))
      shown.current = articleIds
      setByArticle((map) => new Map([...map].filter(([id]) => articleIds.includes(id))))
      void Promise.all(
        fresh.map(async (articleId) => {
          const claims = await unwrap(window.api.listClaims({ articleId }))
          if (shown.current.includes(articleId))
            setByArticle((map) => new Map(map).set(articleId, claims))
        })
      )
        .then(refreshLinks)
        // An article that cannot be read says so in its pane; its claims stay unloaded.
        .catch(() => undefined)
    },
    [refreshLinks]
  )

  const reload = useCallback(async () => {
    const ids = shown.current
    const asked = ++claimsAsked.current
    const lists = await Promise.all(
      ids.map((articleId) => unwrap(window.api.listClaims({ articleId })))
    )
    if (asked !== claimsAsked.current) return
    setByArticle(new Map(ids.map((id, i) => [id, lists[i]!])))
    setVersion((v) => v + 1)
    await refreshLinks()
  }, [refreshLinks])

  const create = useCallback(
    async (articleId: string, passage: TextPosition) => {
      const claim = await unwrap(window.api.createClaim({ articleId, ...passage }))
      put(claim)
      const where = { articleId, id: claim.id }
      undoStack.push({
        label: `new claim ${quoteOf(claim.quote.exact)} in ${titleOf(articleId)}`,
        reveal: () => reveal(articleId, claim.id),
        undo: async () => {
          await unwrap(window.api.deleteClaim(where))
          drop(claim)
          await changed(true)
        },
        redo: async () => {
          put(await unwrap(window.api.undeleteClaim(where)))
          await changed(true)
        }
      })
      await changed(false)
      return claim
    },
    [put, drop, changed, undoStack, titleOf, reveal]
  )

  const update = useCallback(
    async (claim: Claim, edit: ClaimEdit) => {
      const where = { articleId: claim.articleId, id: claim.id }
      const back = reverseEdit(claim, edit)
      const save = async (fields: ClaimEdit): Promise<Claim> => {
        const updated = await unwrap(window.api.updateClaim({ ...where, ...fields }))
        put(updated)
        return updated
      }
      const after = await save(edit)
      undoStack.push({
        label: describe(claim, edit, after),
        reveal: () => reveal(claim.articleId, claim.id),
        undo: async () => {
          await save(back)
          await changed(false)
        },
        redo: async () => {
          await save(edit)
          await changed(false)
        }
      })
      await changed(false)
    },
    [put, changed, undoStack, describe, reveal]
  )

  const remove = useCallback(
    async (claim: Claim) => {
      const where = { articleId: claim.articleId, id: claim.id }
      const { links } = await unwrap(window.api.deleteClaim(where))
      drop(claim)
      const withLinks = links === 0 ? '' : links === 1 ? ' and its link' : ` and its ${links} links`
      undoStack.push({
        label: `delete claim ${quoteOf(claim.quote.exact)}${withLinks}`,
        reveal: () => reveal(claim.articleId, claim.id),
        undo: async () => {
          put(await unwrap(window.api.undeleteClaim(where)))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.deleteClaim(where))
          drop(claim)
          await changed(true)
        }
      })
      await changed(true)
    },
    [put, drop, changed, undoStack, reveal]
  )

  const added = useCallback(
    async (claims: Claim[]) => {
      for (const claim of claims) put(claim)
      await changed(false)
    },
    [put, changed]
  )

  const removed = useCallback(
    async (claims: Claim[]) => {
      for (const claim of claims) drop(claim)
      await changed(true)
    },
    [drop, changed]
  )

  const link = useCallback(
    async (from: Claim, to: Pick<Claim, 'id' | 'quote'>, relation: LinkRelation) => {
      const made = await unwrap(
        window.api.createLink({ fromClaimId: from.id, toClaimId: to.id, relation })
      )
      const id = { id: made.id }
      undoStack.push({
        label: `link: ${quoteOf(from.quote.exact, 32)} ${RELATION_LABELS[relation]} ${quoteOf(to.quote.exact, 32)}`,
        reveal: () => reveal(from.articleId, from.id),
        undo: async () => {
          await unwrap(window.api.deleteLink(id))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.undeleteLink(id))
          await changed(true)
        }
      })
      await changed(true)
    },
    [changed, undoStack, reveal]
  )

  const unlink = useCallback(
    async (linked: LinkedClaim, claim: Claim) => {
      const id = { id: linked.link.id }
      await unwrap(window.api.deleteLink(id))
      undoStack.push({
        label: `remove link between ${quoteOf(claim.quote.exact, 32)} and ${quoteOf(linked.other.exact, 32)}`,
        reveal: () => reveal(claim.articleId, claim.id),
        undo: async () => {
          await unwrap(window.api.undeleteLink(id))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.deleteLink(id))
          await changed(true)
        }
      })
      await changed(true)
    },
    [changed, undoStack, reveal]
  )

  return useMemo(
    () => ({
      byArticle,
      linksByArticle,
      version,
      show,
      reload,
      create,
      update,
      saved: put,
      remove,
      added,
      removed,
      link,
      unlink
    }),
    [
      byArticle,
      linksByArticle,
      version,
      show,
      reload,
      create,
      update,
      put,
      remove,
      added,
      removed,
      link,
      unlink
    ]
  )
}
