import { useCallback, useEffect, useState } from 'react'
import type { RefObject } from 'react'
import type { TextPosition } from '../../../shared/annotation'
import type { PaneState } from '../../../shared/workspace'
import type { PaneHandle } from '../reader/ReaderPane'

interface Options {
  /** The pane an article was just opened in. */
  activePane: PaneState | undefined
  /** Texts loaded so far, by article id: a passage can be shown once its text is. */
  loaded: ReadonlyMap<string, object>
  paneHandles: RefObject<Map<string, PaneHandle>>
}

/**
 * Scrolls the active pane to a passage once its article is on screen, and flashes it, as
 * the annotations panel does for a highlight: for an article opened from elsewhere (the
 * claims board), whose pane may still be loading its text.
 */
export function usePassageReveal({ activePane, loaded, paneHandles }: Options) {
  const [pending, setPending] = useState<{ articleId: string; position: TextPosition }>()

  useEffect(() => {
    if (!pending || !activePane || activePane.articleId !== pending.articleId) return
    const entry = loaded.get(pending.articleId)
    if (!entry || !('text' in entry)) return
    // The pane renders the text and restores its scroll in effects of its own; the frame
    // after them is when the passage can be scrolled to.
    const paneId = activePane.id
    const frame = requestAnimationFrame(() => {
      paneHandles.current.get(paneId)?.scrollToOffset(pending.position.start, pending.position)
      setPending(undefined)
    })
    return () => cancelAnimationFrame(frame)
  }, [pending, activePane, loaded, paneHandles])

  /** Shows `position` of `articleId` as soon as the active pane shows that article. */
  return useCallback(
    (articleId: string, position: TextPosition) => setPending({ articleId, position }),
    []
  )
}
