import { useCallback, useEffect, useRef } from 'react'
import type { Workspace } from '../../../shared/workspace'
import type { UndoStack } from '../annotations/UndoStack'
import { quoteOf } from '../claims/quoteOf'
import { formatCount } from '../format/formatCount'
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

/**
 * Moving articles to the Trash and back, both undoable like any edit: undoing a move to the
 * Trash restores the articles and opens again the ones that were open. Deleting for good
 * (the whole Trash, or the articles selected in it) asks first and cannot be undone.
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
   * pressed next can undo something else), the library's lists are fetched after it.
   */
  const moveToTrash = useCallback(
    async (ids: string[], done?: (open: string[]) => void): Promise<string[]> => {
      await unwrap(window.api.deleteArticles({ ids }))
      let open: string[] = []
      latest.current.update((w) => {
        open = ids.filter((id) => w.panes.some((p) => p.articleId === id))
        return closeArticles(w, ids)
      })
      done?.(open)
      await latest.current.refreshLibrary()
      return open
    },
    []
  )

  const restore = useCallback(
    async (ids: string[], reopen: string[], done?: () => void): Promise<void> => {
      await unwrap(window.api.restoreArticles({ ids }))
      if (reopen.length > 0) latest.current.update((w) => openInPanes(w, reopen, true).workspace)
      done?.()
      await latest.current.refreshLibrary()
    },
    []
  )

  const trashArticles = useCallback(
    async (ids: string[]) => {
      const what = await name(ids)
      const { undoStack, say, report, undo } = latest.current
      await moveToTrash(ids, (wereOpen) => {
        let reopen = wereOpen
        undoStack.push({
          label: `move ${what} to the Trash`,
          undone: `Restored ${what} from the Trash`,
          redone: `Moved ${what} to the Trash again`,
          undo: () => restore(ids, reopen),
          redo: async () => void (reopen = await moveToTrash(ids))
        })
        say(`Moved ${what} to the Trash.`, 'info', { label: 'Undo', run: undo })
      }).catch(report)
    },
    [name, moveToTrash, restore]
  )

  const restoreArticles = useCallback(
    async (ids: string[]) => {
      const what = await name(ids)
      const { undoStack, say, report, undo } = latest.current
      await restore(ids, [], () => {
        undoStack.push({
          label: `restore ${what}`,
          undone: `Moved ${what} back to the Trash`,
          redone: `Restored ${what} again`,
          undo: async () => void (await moveToTrash(ids)),
          redo: () => restore(ids, [])
        })
        say(`Restored ${what} from the Trash.`, 'info', { label: 'Undo', run: undo })
      }).catch(report)
    },
    [name, moveToTrash, restore]
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
    const goneIds = ids ? Promise.resolve(ids) : unwrap(window.api.listArticleIds({ trash: true }))
    goneIds
      .then(async (gone) => ({
        gone,
        ...(await unwrap(window.api.emptyTrash(ids ? { ids } : {})))
      }))
      .then(({ gone, deleted }) => {
        forgetArticles(gone)
        say(
          ids
            ? `Deleted ${what} for good.`
            : `Emptied the Trash: ${formatCount(deleted, 'item')} deleted for good.`
        )
        return refreshLibrary()
      })
      .catch(report)
    return true
  }, [])

  return { trashArticles, restoreArticles, deleteForGood }
}
