import { useCallback, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { Annotation, HighlightColor } from '../../../shared/annotation'
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
 * selected highlights.
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
  const [selectedIds, setSelected] = useState<ReadonlySet<string>>(new Set())
  // The highlight just made is shown in the card (for its note), but the analyst did not
  // select it: the number keys choose the next colour instead of recolouring it.
  const fresh = useRef<string | undefined>(undefined)
  const setSelectedIds = useCallback((ids: ReadonlySet<string>) => {
    fresh.current = undefined
    setSelected(ids)
  }, [])
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
        setSelected(new Set([created.id]))
        fresh.current = created.id
        update((w) => ({ ...w, activePaneId: pane.id }))
      } catch (error) {
        report(error)
      }
      return
    }
    say('Select a passage in an article first, then press H.')
  }, [workspace, paneHandles, annotations, update, report, say])

  /** The selected highlights the analyst chose (not the one just made). */
  const chosen = useCallback((list: Annotation[]) => list.filter((a) => a.id !== fresh.current), [])

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
      const targets = chosen(selectedAnnotations)
      if (!choosing && targets.length > 0) {
        await annotations.recolor(targets, color).catch(report)
      } else {
        currentColor.current = color
        update((w) => ({ ...w, currentColor: color }))
      }
    },
    [selectedAnnotations, chosen, annotations, update, report]
  )

  return {
    selectedIds,
    setSelectedIds,
    selectedAnnotations,
    highlightSelection,
    setColor
  }
}
