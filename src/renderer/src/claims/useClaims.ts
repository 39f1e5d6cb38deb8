import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { TextPosition } from '../../../shared/annotation'
import type { Claim, LinkedClaim, LinkRelation } from '../../../shared/claim'
import type { UndoStack } from '../annotations/UndoStack'
import type { UnsavedRecord } from '../saving/RecordSaves'
import { RecordSaves } from '../saving/RecordSaves'
import { unwrap } from '../transport/unwrap'
import type { ClaimEdit } from './claimEdit'
import { applyEdit, reverseEdit } from './claimEdit'
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
  /** Says why an edit could not be saved (once), or was dropped. */
  report(error: unknown): void
}

export interface ClaimActions {
  /** Live claims of the loaded articles, in text order. */
  byArticle: ReadonlyMap<string, Claim[]>
  /** Each loaded article's links, seen from its own claims. */
  linksByArticle: ReadonlyMap<string, LinkedClaim[]>
  /** Counts every change, so views of derived data (audit trail, corroboration) refetch. */
  version: number
  /** Claims whose last edit is not on disk yet (being retried), by id. */
  unsaved: ReadonlyMap<string, UnsavedRecord>
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
/** " and its link", " and its 3 links", or nothing: what deleting a claim took with it. */
function linksWord(links: number): string {
  return links === 0 ? '' : links === 1 ? ' and its link' : ` and its ${links} links`
}

export function useClaims({
  undoStack,
  titleOf,
  describe,
  reveal,
  onChanged,
  report
}: Options): ClaimActions {
  const [byArticle, setByArticle] = useState<ReadonlyMap<string, Claim[]>>(new Map())
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, UnsavedRecord>>(new Map())
  const [linksByArticle, setLinks] = useState<ReadonlyMap<string, LinkedClaim[]>>(new Map())
  const [version, setVersion] = useState(0)
  const shown = useRef<readonly string[]>([])

  /** Each claim's edits not known to be on disk, merged; shown over what the store has. */
  const pendingEdits = useRef(new Map<string, { articleId: string; edit: ClaimEdit }>())
  /** A claim as the store has it, with the edits still on their way on top. */
  const withPending = useCallback(
    (claim: Claim) => applyEdit(claim, pendingEdits.current.get(claim.id)?.edit ?? {}),
    []
  )
  const put = useCallback(
    (claim: Claim) => {
      const shown = withPending(claim)
      setByArticle((map) => {
        const others = (map.get(shown.articleId) ?? []).filter((c) => c.id !== shown.id)
        return new Map(map).set(shown.articleId, inTextOrder([...others, shown]))
      })
    },
    [withPending]
  )
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

  const latest = useRef({ put, changed, report })
  useEffect(() => {
    latest.current = { put, changed, report }
  })
  // A claim's fields are saved with the notes' retrying autosave: an edit the store cannot
  // write stays on the card, marked "Not saved", and is retried with all of its fields.
  // Made on first use, in an event: the saves read the refs above only then.
  const savesMade = useRef<RecordSaves<{ articleId: string; edit: ClaimEdit }> | null>(null)
  const saves = useCallback(
    () =>
      (savesMade.current ??= new RecordSaves<{ articleId: string; edit: ClaimEdit }>({
        async save(id, pending) {
          const updated = await unwrap(
            window.api.updateClaim({ articleId: pending.articleId, id, ...pending.edit })
          )
          if (pendingEdits.current.get(id) === pending) pendingEdits.current.delete(id)
          latest.current.put(updated)
          await latest.current.changed(false)
        },
        onGiveUp(id, error) {
          const pending = pendingEdits.current.get(id)
          pendingEdits.current.delete(id)
          latest.current.report(error)
          // What the store holds comes back on the card.
          if (pending)
            void unwrap(window.api.listClaims({ articleId: pending.articleId })).then(
              (claims) => claims.filter((c) => c.id === id).forEach(latest.current.put),
              () => undefined
            )
        },
        onFirstFailure: (error) => latest.current.report(error),
        onUnsaved: setUnsaved
      })),
    []
  )
  /** Shows an edit at once and saves it, retried until it is on disk. */
  const edit = useCallback(
    (claim: Claim, change: ClaimEdit) => {
      const before = pendingEdits.current.get(claim.id)?.edit ?? {}
      const pending = { articleId: claim.articleId, edit: { ...before, ...change } }
      pendingEdits.current.set(claim.id, pending)
      put(claim)
      saves().change(claim.id, () => pendingEdits.current.get(claim.id) ?? pending)
    },
    [saves, put]
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
            setByArticle((map) => new Map(map).set(articleId, claims.map(withPending)))
        })
      )
        .then(refreshLinks)
        // An article that cannot be read says so in its pane; its claims stay unloaded.
        .catch(() => undefined)
    },
    [refreshLinks, withPending]
  )

  const reload = useCallback(async () => {
    const ids = shown.current
    const asked = ++claimsAsked.current
    const lists = await Promise.all(
      ids.map((articleId) => unwrap(window.api.listClaims({ articleId })))
    )
    if (asked !== claimsAsked.current) return
    setByArticle(new Map(ids.map((id, i) => [id, lists[i]!.map(withPending)])))
    setVersion((v) => v + 1)
    await refreshLinks()
  }, [refreshLinks, withPending])

  const create = useCallback(
    async (articleId: string, passage: TextPosition) => {
      const claim = await undoStack.record(
        unwrap(window.api.createClaim({ articleId, ...passage })),
        (claim) => {
          const where = { articleId, id: claim.id }
          return {
            label: `new claim ${quoteOf(claim.quote.exact)} in ${titleOf(articleId)}`,
            reveal: () => reveal(articleId, claim.id),
            where: { articleId, ...claim.position },
            undo: async () => {
              await unwrap(window.api.deleteClaim(where))
              drop(claim)
              await changed(true)
            },
            redo: async () => {
              put(await unwrap(window.api.undeleteClaim(where)))
              await changed(true)
            }
          }
        }
      )
      put(claim)
      await changed(false)
      return claim
    },
    [put, drop, changed, undoStack, titleOf, reveal]
  )

  const update = useCallback(
    async (claim: Claim, change: ClaimEdit) => {
      const where = { articleId: claim.articleId, id: claim.id }
      const back = reverseEdit(claim, change)
      // Setting an attribution phrase needs its quote from the stored text: that one waits
      // for the store. Every other field shows at once and is retried if it fails.
      const locally = change.attributionSpan === undefined || change.attributionSpan === null
      const save = async (fields: ClaimEdit): Promise<Claim> => {
        if (locally) {
          edit(claim, fields)
          return applyEdit(claim, fields)
        }
        const updated = await unwrap(window.api.updateClaim({ ...where, ...fields }))
        put(updated)
        await changed(false)
        return updated
      }
      await undoStack.record(save(change), (after) => ({
        label: describe(claim, change, after),
        reveal: () => reveal(claim.articleId, claim.id),
        where: { articleId: claim.articleId, ...claim.position },
        undo: async () => void (await save(back)),
        redo: async () => void (await save(change))
      }))
    },
    [put, edit, changed, undoStack, describe, reveal]
  )

  const remove = useCallback(
    async (claim: Claim) => {
      const where = { articleId: claim.articleId, id: claim.id }
      await undoStack.record(unwrap(window.api.deleteClaim(where)), ({ links }) => ({
        label: `delete claim ${quoteOf(claim.quote.exact)}${linksWord(links)}`,
        reveal: () => reveal(claim.articleId, claim.id),
        where: { articleId: claim.articleId, ...claim.position },
        undo: async () => {
          put(await unwrap(window.api.undeleteClaim(where)))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.deleteClaim(where))
          drop(claim)
          await changed(true)
        }
      }))
      drop(claim)
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
      const made = unwrap(
        window.api.createLink({ fromClaimId: from.id, toClaimId: to.id, relation })
      )
      await undoStack.record(made, ({ id }) => ({
        label: `link: ${quoteOf(from.quote.exact, 32)} ${RELATION_LABELS[relation]} ${quoteOf(to.quote.exact, 32)}`,
        reveal: () => reveal(from.articleId, from.id),
        where: { articleId: from.articleId, ...from.position },
        undo: async () => {
          await unwrap(window.api.deleteLink({ id }))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.undeleteLink({ id }))
          await changed(true)
        }
      }))
      await changed(true)
    },
    [changed, undoStack, reveal]
  )

  const unlink = useCallback(
    async (linked: LinkedClaim, claim: Claim) => {
      const id = { id: linked.link.id }
      await undoStack.record(unwrap(window.api.deleteLink(id)), () => ({
        label: `remove link between ${quoteOf(claim.quote.exact, 32)} and ${quoteOf(linked.other.exact, 32)}`,
        reveal: () => reveal(claim.articleId, claim.id),
        where: { articleId: claim.articleId, ...claim.position },
        undo: async () => {
          await unwrap(window.api.undeleteLink(id))
          await changed(true)
        },
        redo: async () => {
          await unwrap(window.api.deleteLink(id))
          await changed(true)
        }
      }))
      await changed(true)
    },
    [changed, undoStack, reveal]
  )

  return useMemo(
    () => ({
      byArticle,
      linksByArticle,
      version,
      unsaved,
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
      unsaved,
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
