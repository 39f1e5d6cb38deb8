import { useEffect, useRef } from 'react'
import type { OpenedFiles } from '../../../shared/hostEvents'
import type { ImportOutcome } from '../../../shared/importing'
import type { ImportReviewState } from './useImportFlow'

interface Options {
  /** Subscribe only once the workspace and the library lists are in. */
  ready: boolean
  /** The articles the panes show now. */
  shown: readonly string[]
  /** Opens these articles, each in a new pane beside the current one. */
  open(articleIds: string[]): void
  /** Brings forward the pane that shows this article. */
  activate(articleId: string): void
  /** Shows the import review. */
  review(state: ImportReviewState): void
  /** Reads the library lists again (new articles, counts). */
  refresh(): Promise<void>
  report(error: unknown): void
}

/** The articles an import gave, new or already in the library, in the order asked. */
export function articlesOf(outcomes: readonly ImportOutcome[]): string[] {
  const ids = outcomes.flatMap((o) =>
    o.status === 'imported' ? [o.article.id] : o.status === 'duplicate' ? [o.articleId] : []
  )
  return [...new Set(ids)]
}

/**
 * Files the operating system asked the desktop app to open (a file association, "Open
 * with", a drop on the dock or taskbar icon, paths on the command line, also a second
 * launch while Dossier runs), which the main process has imported: the articles open in
 * panes, new and already-known alike (one already in a pane is brought forward), and a file that could not be imported (missing, a
 * folder without articles, binary) is shown in the import review with the rest of the batch.
 * Subscribing tells the main process that the page listens, so files asked for while the
 * window was loading arrive now. The web host has no such event.
 */
export function useOpenedFiles(options: Options): void {
  const { ready } = options
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  useEffect(() => {
    if (!ready || !window.api.onFilesOpened) return
    return window.api.onFilesOpened(({ outcomes }: OpenedFiles) => {
      const { refresh, review, report } = latest.current
      refresh().then(() => {
        // An article a pane shows already is brought forward, not opened twice.
        const { shown, open, activate } = latest.current
        const ids = articlesOf(outcomes)
        const fresh = ids.filter((id) => !shown.includes(id))
        if (fresh.length > 0) open(fresh)
        else if (ids[0] !== undefined) activate(ids[0])
        if (outcomes.some((o) => o.status === 'refused'))
          review({ files: outcomes.map((outcome) => ({ outcome })), cancelled: false })
      }, report)
    })
  }, [ready])
}
