import { useCallback, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { HighlightColor } from '../../../shared/annotation'
import type { PaneState, Workspace } from '../../../shared/workspace'
import type { PaneHandle } from '../reader/ReaderPane'
import type { AnnotationActions } from './useAnnotations'

interface Options {
  workspace: Workspace | undefined
  panes: PaneState[]
  update(change: (current: Workspace) => Workspace): void
  paneHandles: RefObject<Map<string, PaneHandle>>
  annotations: AnnotationActions
  say(text: string): void
  report(error: unknown): void
}

/**
 * Highlighting as the analyst does it: H on a selection, number keys for colours, the
 * selected highlights, undo and redo.
 */
export function useHighlighting({
  workspace,
  panes,
  update,
  paneHandles,
  annotations,
  say,
  report
}: Options) {
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set())
  // Read by the next H at once, even before React renders a colour just chosen.
  const currentColor = useRef<HighlightColor | undefined>(undefined)

  const highlightSelection = useCallback(async () => {
    if (!workspace) return
    for (const pane of workspace.panes) {
      const range = paneHandles.current.get(pane.id)?.selection()
      if (!range) continue
      // Clear the selection now, not after the save: by then the user may have selected
      // the next passage.
      window.getSelection()?.removeAllRanges()
      try {
        const created = await annotations.highlight(
          pane.articleId,
          range.start,
          range.end,
          currentColor.current ?? workspace.currentColor
        )
        setSelectedIds(new Set([created.id]))
        update((w) => ({ ...w, activePaneId: pane.id }))
      } catch (error) {
        report(error)
      }
      return
    }
    say('Select a passage in an article first, then press H.')
  }, [workspace, paneHandles, annotations, update, report, say])

  // Only highlights of articles on screen can be acted on: an article moved to the Trash
  // keeps its highlights, untouchable until it is restored.
  const openArticleIds = useMemo(() => new Set(panes.map((p) => p.articleId)), [panes])
  const selectedAnnotations = useMemo(
    () =>
      [...openArticleIds]
        .flatMap((id) => annotations.byArticle.get(id) ?? [])
        .filter((a) => selectedIds.has(a.id)),
    [annotations.byArticle, openArticleIds, selectedIds]
  )

  const setColor = useCallback(
    async (color: HighlightColor) => {
      // With text selected, a number picks the colour of the next highlight; else it recolours.
      const choosing = window.getSelection()?.isCollapsed === false
      if (!choosing && selectedAnnotations.length > 0) {
        await annotations.recolor(selectedAnnotations, color).catch(report)
      } else {
        currentColor.current = color
        update((w) => ({ ...w, currentColor: color }))
      }
    },
    [selectedAnnotations, annotations, update, report]
  )

  const undoRedo = useCallback(
    async (how: 'undo' | 'redo') => {
      try {
        const label = await annotations[how]()
        say(label ? `${how === 'undo' ? 'Undid' : 'Redid'}: ${label}` : `Nothing to ${how}`)
      } catch (error) {
        report(error)
      }
    },
    [annotations, say, report]
  )

  return {
    selectedIds,
    setSelectedIds,
    selectedAnnotations,
    highlightSelection,
    setColor,
    undoRedo
  }
}
