import { useCallback, useEffect, useRef } from 'react'
import { MAX_IDS_PER_CALL } from '../../../shared/articleWindow'
import type { Workspace } from '../../../shared/workspace'
import type { UndoableAction, UndoStack } from '../annotations/UndoStack'
import { quoteOf } from '../claims/quoteOf'
import { formatCount } from '../format/formatCount'
import { sendInBatches } from '../transport/inBatches'
import { unwrap } from '../transport/unwrap'
import type { MessageAction } from '../workspace/useMessages'
import { closeArticles, openInPanes } from '../workspace/paneLayout'
import { lookUpArticle } from './lookUpArticle'

interface Options {
  undoStack: UndoStack
  /** How many articles the Trash holds (what emptying it deletes). */
  trashCount: number
  update(change: (current: Workspace) => Workspace): void
  refreshLibrary(): Promise<void>
  /** Forgets texts and highlights of articles deleted for good. */
  forgetArticles(ids: string[]): void
  say(text: string, kind?: 'info' | 'error', action?: MessageAction): void
  report(error: unknown): void
  /** Undoes the last step, as Ctrl+Z does: a toast's Undo button. */
  undo(): void
}

/** What the toasts call `done` of `ids`: `what`, unless a batch failed and only some went. */
function nameDone(done: readonly string[], ids: readonly string[], what: string): string {
  return done.length === ids.length ? what : formatCount(done.length, 'article')
}

/**
 * Moving articles to the Trash and back, both undoable like any edit: undoing a move to the
 * Trash restores the articles and opens again the ones that were open. Deleting for good
 * (the whole Trash, or the articles selected in it) asks first and cannot be undone.
 * A selection larger than one call takes goes in several calls, and is still one undo step;
 * should a call fail midway, the articles already moved keep their undo step.
 */
export function useTrash(options: Options) {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  /** “Port of Velmora…”, or "3 articles": what the toasts say was moved. */
  const name = useCallback(async (ids: readonly string[]): Promise<string> => {
    if (ids.length !== 1) return formatCount(ids.length, 'article')
    const title = (await lookUpArticle(ids[0]!).catch(() => undefined))?.title
    return title === undefined ? 'an article' : quoteOf(title, 40)
  }, [])

  /**
   * Moves to the Trash, closing the panes that showed them; returns the ids that were open.
   * `done` runs as soon as the store has changed (the undo step is pushed then, before a key
   * pressed next can undo something else), the library's lists are fetched after it. When a
   * batch fails, `done` gets the articles moved before it, and the failure is thrown after.
   */
  const moveToTrash = useCallback(
    async (ids: string[], done?: (moved: string[], open: string[]) => void): Promise<string[]> => {
      const { sent: moved, failure } = await sendInBatches(ids, MAX_IDS_PER_CALL, (batch) =>
        unwrap(window.api.deleteArticles({ ids: batch }))
      )
      let open: string[] = []
      if (moved.length > 0) {
        latest.current.update((w) => {
          open = moved.filter((id) => w.panes.some((p) => p.articleId === id))
          return closeArticles(w, moved)
        })
        done?.(moved, open)
        await latest.current.refreshLibrary()
      }
      if (failure) throw failure.error
      return open
    },
    []
  )

  /** Restores, opening `reopen` again; `done` and a failing batch as in `moveToTrash`. */
  const restore = useCallback(
    async (ids: string[], reopen: string[], done?: (restored: string[]) => void): Promise<void> => {
      const { sent: restored, failure } = await sendInBatches(ids, MAX_IDS_PER_CALL, (batch) =>
        unwrap(window.api.restoreArticles({ ids: batch }))
      )
      if (restored.length > 0) {
        const back = new Set(restored)
        const again = reopen.filter((id) => back.has(id))
        if (again.length > 0) latest.current.update((w) => openInPanes(w, again, true).workspace)
        done?.(restored)
        await latest.current.refreshLibrary()
      }
      if (failure) throw failure.error
    },
    []
  )

  /**
   * Runs a move to or from the Trash with its undo step reserved at once, in the order the
   * analyst asked (a Ctrl+Z pressed while the move is on its way undoes this move, not the
   * step before); the step holds what was moved, also when a later batch failed.
   */
  const recorded = useCallback(
    async (
      ids: string[],
      move: (done: (moved: string[], open: string[]) => void) => Promise<unknown>,
      step: (moved: string[], open: string[], these: string) => UndoableAction,
      told: (these: string) => string
    ) => {
      const { undoStack, say, report, undo } = latest.current
      let failure: { error: unknown } | undefined
      const work = (async () => {
        const what = await name(ids)
        let made: { moved: string[]; open: string[]; these: string } | undefined
        await move((moved, open) => {
          made = { moved, open, these: nameDone(moved, ids, what) }
        }).catch((error: unknown) => (failure = { error }))
        return made
      })()
      const made = await undoStack.record(work, (result) =>
        result === undefined ? undefined : step(result.moved, result.open, result.these)
      )
      if (made) say(told(made.these), 'info', { label: 'Undo', run: undo })
      if (failure) report(failure.error)
    },
    [name]
  )

  const trashArticles = useCallback(
    (ids: string[]) =>
      recorded(
        ids,
        (done) => moveToTrash(ids, done),
        (moved, wereOpen, these) => {
          let reopen = wereOpen
          return {
            label: `move ${these} to the Trash`,
            undone: `Restored ${these} from the Trash`,
            redone: `Moved ${these} to the Trash again`,
            undo: () => restore(moved, reopen),
            redo: async () => void (reopen = await moveToTrash(moved))
          }
        },
        (these) => `Moved ${these} to the Trash.`
      ),
    [recorded, moveToTrash, restore]
  )

  const restoreArticles = useCallback(
    (ids: string[]) =>
      recorded(
        ids,
        (done) => restore(ids, [], (restored) => done(restored, [])),
        (restored, _open, these) => ({
          label: `restore ${these}`,
          undone: `Moved ${these} back to the Trash`,
          redone: `Restored ${these} again`,
          undo: async () => void (await moveToTrash(restored)),
          redo: () => restore(restored, [])
        }),
        (these) => `Restored ${these} from the Trash.`
      ),
    [recorded, moveToTrash, restore]
  )

  /**
   * Deletes for good, after asking: the Trash's selected articles, or (without ids) all of it.
   * `title` names one article in the question (asked at once, so the caller says it).
   */
  const deleteForGood = useCallback((ids?: string[], title?: string): boolean => {
    const { trashCount, forgetArticles, refreshLibrary, say, report } = latest.current
    const count = ids?.length ?? trashCount
    if (count === 0) return false
    // The ids are not at hand when the whole Trash goes: the core knows them.
    const what =
      ids?.length === 1
        ? title === undefined
          ? 'this article'
          : quoteOf(title, 40)
        : formatCount(count, 'article')
    if (
      !window.confirm(
        `Delete ${what} and ${count === 1 ? 'its' : 'their'} highlights, claims and notes for good? This cannot be undone.`
      )
    )
      return false
    const deleting = async (): Promise<{
      gone: string[]
      deleted: number
      failure?: { error: unknown }
    }> => {
      if (!ids) {
        const gone = await unwrap(window.api.listArticleIds({ trash: true }))
        return { gone, ...(await unwrap(window.api.emptyTrash({}))) }
      }
      // A large selection goes in batches; those deleted before a failing one are gone.
      const { sent, results, failure } = await sendInBatches(ids, MAX_IDS_PER_CALL, (batch) =>
        unwrap(window.api.emptyTrash({ ids: batch }))
      )
      const deleted = results.reduce((sum, result) => sum + result.deleted, 0)
      return { gone: sent, deleted, ...(failure ? { failure } : {}) }
    }
    deleting()
      .then(async ({ gone, deleted, failure }) => {
        forgetArticles(gone)
        if (!failure)
          say(
            ids
              ? `Deleted ${what} for good.`
              : `Emptied the Trash: ${formatCount(deleted, 'item')} deleted for good.`
          )
        await refreshLibrary()
        if (failure) throw failure.error
      })
      .catch(report)
    return true
  }, [])

  return { trashArticles, restoreArticles, deleteForGood }
}
