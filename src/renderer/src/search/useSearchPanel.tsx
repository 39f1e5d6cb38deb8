import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { SearchGroup, SearchHit } from '../../../shared/search'
import type { Source } from '../../../shared/source'
import type { PaneState } from '../../../shared/workspace'
import { revealPassage } from '../notes/revealPassage'
import type { PaneHandle } from '../reader/ReaderPane'
import { unwrap } from '../transport/unwrap'
import type { ViewId } from '../views/views'
import type { Shortcut } from '../workspace/shortcut'
import { SearchPanel } from './SearchPanel'

interface Options {
  panes: PaneState[]
  paneHandles: RefObject<Map<string, PaneHandle>>
  openArticles(ids: string[], inNewPane: boolean): void
  /** Shows the notebooks with this one open, `text` selected in it. */
  openNotebook(id: string, text?: string): void
  showView(view: ViewId): void
  setSelectedIds(ids: ReadonlySet<string>): void
  say(message: string): void
  report(error: unknown): void
}

/**
 * The search panel and its key, Ctrl/Cmd+K, from any view. A hit in an article opens it
 * in the reader (Shift: beside the current pane) with the passage selected and scrolled
 * to, and a highlight or claim selected as well; a notebook opens with the hit's words
 * selected, and a source is selected in the registry (`sourceShown`, for its view).
 */
export function useSearchPanel(options: Options) {
  const [open, setOpen] = useState(false)
  const [sources, setSources] = useState<Source[]>([])
  const [sourceShown, setSourceShown] = useState<{ sourceId: string }>()
  const latest = useRef(options)
  useLayoutEffect(() => {
    latest.current = options
  })

  useEffect(() => {
    if (!open) return
    unwrap(window.api.listSources({})).then(setSources, latest.current.report)
  }, [open])

  const shortcut = useMemo<Shortcut>(
    () => ({
      keys: ['Mod+K'],
      description: 'Search the library: articles, highlights, claims, notes, notebooks, sources',
      group: 'Views',
      inFields: true,
      run: () => setOpen(true)
    }),
    []
  )

  const openHit = useCallback((hit: SearchHit, group: SearchGroup, beside: boolean) => {
    const { showView, openArticles, openNotebook, paneHandles, setSelectedIds, say } =
      latest.current
    setOpen(false)
    if (hit.kind === 'source') {
      setSourceShown({ sourceId: hit.id })
      showView('sources')
      return
    }
    if (hit.kind === 'notebook') {
      const mark = hit.marks[0]
      const words = hit.field === 'text' && mark && hit.snippet.slice(mark.start, mark.end)
      openNotebook(hit.id, words || undefined)
      return
    }
    if (!hit.articleId) return
    showView('reader')
    openArticles([hit.articleId], beside)
    if (hit.start === undefined || hit.end === undefined) return
    const anchored = hit.kind === 'highlight' || hit.kind === 'claim'
    revealPassage(
      { articleId: hit.articleId, start: hit.start, end: hit.end },
      {
        handleFor: (articleId) => {
          const shown = latest.current.panes.find((pane) => pane.articleId === articleId)
          return shown && paneHandles.current.get(shown.id)
        },
        onShown: () => anchored && setSelectedIds(new Set([hit.id])),
        onTimeout: () => say(`“${group.title}” did not open in time to show the passage.`)
      }
    )
  }, [])

  const report = useCallback((error: unknown) => latest.current.report(error), [])
  const element = open ? (
    <SearchPanel
      sources={sources}
      onOpen={openHit}
      onClose={() => setOpen(false)}
      onError={report}
    />
  ) : null
  return { shortcut, element, sourceShown }
}
