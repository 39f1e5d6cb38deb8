import { useCallback, useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { Annotation } from '../../../shared/annotation'
import type { Workspace } from '../../../shared/workspace'
import { quoteOf } from '../claims/quoteOf'
import type { PaneHandle } from '../reader/ReaderPane'
import type { MessageAction } from '../workspace/useMessages'
import { openInPanes } from '../workspace/paneLayout'
import { lookUpArticle } from '../library/lookUpArticle'
import type { UndoableAction, UndoStack } from './UndoStack'

interface Options {
  undoStack: UndoStack
  /** Whether the reader is the view shown: only there is an article brought into view. */
  inReader: boolean
  workspace: Workspace | undefined
  update(change: (current: Workspace) => Workspace): void
  /** Texts loaded so far, by article id. */
  loaded: ReadonlyMap<string, object>
  /** Highlights loaded so far, by article id. */
  highlights: ReadonlyMap<string, Annotation[]>
  paneHandles: RefObject<Map<string, PaneHandle>>
  onCountsChanged(): void
  say(text: string, kind?: 'info' | 'error', action?: MessageAction): void
  report(error: unknown): void
}

/** How long an article closed since the change may take to open again before undo gives up. */
const PATIENCE_MS = 15_000

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

type How = 'undo' | 'redo'

/**
 * Undo and redo as the analyst sees them: a change to an article is made where it shows.
 * Before anything changes, the article is brought into view (its pane made the active one,
 * or the article opened again beside the others if it was closed) and the passage scrolled
 * to and flashed; a change to an article in the Trash is refused until it is restored. Every
 * toast names what changed and where, with the way back (Redo after an undo, and Undo after
 * a redo).
 */
export function useUndoRedo(options: Options): (how: How) => Promise<void> {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  /** Titles of the articles undo and redo asked about, for the toasts that follow. */
  const titles = useRef(new Map<string, string>())
  const titleOf = useCallback((articleId: string): string | undefined => {
    const entry = latest.current.loaded.get(articleId)
    return (
      titles.current.get(articleId) ?? (entry && 'title' in entry ? String(entry.title) : undefined)
    )
  }, [])

  /** Resolves once the active pane shows the article, its text laid out and highlights loaded. */
  const bringIntoView = useCallback(async (articleId: string): Promise<string | undefined> => {
    const { workspace, update } = latest.current
    if (!workspace) return undefined
    const active = workspace.panes.find((p) => p.id === workspace.activePaneId)
    const shown = workspace.maximizedPaneId ?? active?.id
    if (active?.articleId !== articleId || shown !== active.id) {
      const pane = workspace.panes.find((p) => p.articleId === articleId)
      if (pane)
        update((w) => ({
          ...w,
          activePaneId: pane.id,
          maximizedPaneId: w.maximizedPaneId === pane.id ? pane.id : undefined
        }))
      else update((w) => openInPanes(w, [articleId], true).workspace)
    }
    const started = performance.now()
    for (;;) {
      const current = latest.current
      const pane = current.workspace?.panes.find((p) => p.id === current.workspace?.activePaneId)
      const entry = current.loaded.get(articleId)
      if (
        pane?.articleId === articleId &&
        entry &&
        'text' in entry &&
        current.highlights.has(articleId) &&
        current.paneHandles.current.has(pane.id)
      ) {
        // The pane lays out its text and restores its scroll in effects of its own; the
        // frames after them are when the passage can be scrolled to.
        await frame()
        await frame()
        return pane.id
      }
      if (performance.now() - started > PATIENCE_MS) return undefined
      await frame()
    }
  }, [])

  const prepare = useCallback(
    async (action: UndoableAction, how: How): Promise<boolean> => {
      const where = action.where
      if (!where) return true
      const { inReader, say } = latest.current
      const article = await lookUpArticle(where.articleId)
      if (article) titles.current.set(article.id, article.title)
      const title = titleOf(where.articleId) ?? 'its article'
      if (article?.deletedAt !== undefined) {
        say(
          `Nothing was ${how === 'undo' ? 'undone' : 'redone'}: the ${how} of ${action.label} changes ${quoteOf(title, 40)}, which is in the Trash. Restore it first.`,
          'error'
        )
        return false
      }
      // An article deleted for good is not opened: the change fails and says so.
      if (!inReader || !article) return true
      const paneId = await bringIntoView(where.articleId)
      if (paneId === undefined) {
        say(
          `${quoteOf(title, 40)} did not open in time: nothing was ${how === 'undo' ? 'undone' : 'redone'}.`,
          'error'
        )
        return false
      }
      if (where.start !== undefined)
        latest.current.paneHandles.current
          .get(paneId)
          ?.scrollToOffset(where.start, { start: where.start, end: where.end ?? where.start })
      return true
    },
    [titleOf, bringIntoView]
  )

  const describe = useCallback(
    (action: UndoableAction, how: How): string => {
      const words = how === 'undo' ? action.undone : action.redone
      if (words) return words
      const said = `${how === 'undo' ? 'Undid' : 'Redid'}: ${action.label}`
      const title = action.where && titleOf(action.where.articleId)
      return title && !action.label.includes(title) ? `${said} in ${quoteOf(title, 40)}` : said
    },
    [titleOf]
  )

  const run = useCallback(
    async (how: How): Promise<void> => {
      const { undoStack, onCountsChanged, say, report } = latest.current
      try {
        const moved = await undoStack[how]((action) => prepare(action, how))
        onCountsChanged()
        if (!moved.action) say(`Nothing to ${how}.`)
        else if (moved.done) {
          const back: How = how === 'undo' ? 'redo' : 'undo'
          say(describe(moved.action, how), 'info', {
            label: back === 'redo' ? 'Redo' : 'Undo',
            run: () => void run(back)
          })
        }
      } catch (error) {
        report(error)
      }
    },
    [prepare, describe]
  )
  return run
}
