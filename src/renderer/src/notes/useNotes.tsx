import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { Annotation } from '../../../shared/annotation'
import type { Claim } from '../../../shared/claim'
import type { PassageQuoteAttrs } from '../../../shared/richText'
import type { PaneState, Workspace } from '../../../shared/workspace'
import type { PaneHandle } from '../reader/ReaderPane'
import { unwrap } from '../transport/unwrap'
import type { Shortcut } from '../workspace/shortcut'
import { ArticleNotes } from './ArticleNotes'
import { freshNotebookTitle } from './freshNotebookTitle'
import type { NoteEditorHandle } from './NoteEditor'
import { NotebooksView } from './NotebooksView'
import type { NotesWorkbench, Quotable } from './NotesContext'
import { NotesContext } from './NotesContext'
import { passageQuoteOf } from './passageQuoteOf'
import { useArticleDirectory } from './useArticleDirectory'
import { revealPassage } from './revealPassage'
import { useNotebooks } from './useNotebooks'
import { useSaveOnLeave } from './useSaveOnLeave'

interface Options {
  /** Goes up when the library changed: quotes ask again about their articles. */
  libraryVersion: number
  /** Articles in the Trash: emptying it deletes the Trash's notebooks too. */
  trashCount: number
  panes: PaneState[]
  paneHandles: RefObject<Map<string, PaneHandle>>
  update(change: (workspace: Workspace) => Workspace): void
  /** Opens an article in a new pane beside the active one. */
  openBeside(articleId: string): void
  setSelectedIds(ids: ReadonlySet<string>): void
  showReader(): void
  showNotebooks(): void
  selectedAnnotations: Annotation[]
  selectedClaim: Claim | undefined
  titleOf(articleId: string): string
  say(text: string): void
  report(error: unknown): void
}

/**
 * Notes in the workbench, wired in one place: notebooks and the open one, each pane's
 * article notes, quoting (Q, the cards' button, drag) and the way back from a quote, and
 * saving every note on the way out.
 */
export function useNotes(options: Options) {
  const { libraryVersion, trashCount, panes, paneHandles, update, openBeside, setSelectedIds } =
    options
  const { titleOf, say, report, showReader, showNotebooks } = options
  useSaveOnLeave()
  const notebooks = useNotebooks(report)
  // Emptying the library's Trash deletes the notebooks in it too.
  const { refresh: refreshNotebooks } = notebooks
  useEffect(() => void refreshNotebooks(), [refreshNotebooks, trashCount])
  const [openId, setOpenId] = useState<string>()
  const [pending, setPending] = useState<readonly PassageQuoteAttrs[]>([])
  const [reveal, setReveal] = useState<{ text: string }>()
  const [notesPaneId, setNotesPaneId] = useState<string>()
  const viewMounted = useRef(false)
  const editor = useRef<NoteEditorHandle | null>(null)
  const appending = useRef<Promise<unknown>>(Promise.resolve())

  const resolve = useArticleDirectory(libraryVersion, report)
  const latest = useRef({ panes, resolve })
  useEffect(() => {
    latest.current = { panes, resolve }
  })

  const goTo = useCallback(
    (quote: PassageQuoteAttrs) => {
      // As its quote shows it: the quote's button is there only for an article in the library.
      const { title, where } = latest.current.resolve(quote)
      if (where === 'trash')
        return say(`“${title}” is in the Trash: restore it from the library’s Trash to go there.`)
      if (where === 'deleted')
        return say(`“${title}” was deleted; the quote is all that is left of it.`)
      showReader()
      const pane = latest.current.panes.find((p) => p.articleId === quote.articleId)
      if (pane)
        update((w) => ({
          ...w,
          activePaneId: pane.id,
          maximizedPaneId: w.maximizedPaneId === pane.id ? pane.id : undefined
        }))
      else openBeside(quote.articleId)
      revealPassage(quote, {
        handleFor: (articleId) => {
          const shown = latest.current.panes.find((p) => p.articleId === articleId)
          return shown && paneHandles.current.get(shown.id)
        },
        onShown: () => quote.annotationId && setSelectedIds(new Set([quote.annotationId])),
        onTimeout: () => say(`“${title}” did not open in time to show the passage.`)
      })
    },
    [say, showReader, update, openBeside, paneHandles, setSelectedIds]
  )

  const quoteOf = useCallback(
    (from: Quotable) => {
      const { articleId } = from.kind === 'highlight' ? from.annotation : from.claim
      return passageQuoteOf(from, titleOf(articleId))
    },
    [titleOf]
  )

  /** Adds quotes to the end of a notebook no editor has open, then opens it. */
  const appendTo = useCallback(
    async (id: string, quotes: PassageQuoteAttrs[]) => {
      const notebook = await unwrap(window.api.getNotebook({ id }))
      const doc = {
        ...notebook.doc,
        content: [
          ...(notebook.doc.content ?? []),
          ...quotes.map((attrs) => ({ type: 'passageQuote' as const, attrs }))
        ]
      }
      notebooks.put(await unwrap(window.api.saveNotebook({ id, doc })))
      setOpenId(id)
      return notebook.title
    },
    [notebooks]
  )

  const quote = useCallback(
    (from: Quotable[]) => {
      if (from.length === 0) return
      const quotes = from.map(quoteOf)
      const open = notebooks.live.find((n) => n.id === openId)
      if (open && viewMounted.current) {
        // The open notebook's editor takes them (once loaded): it owns that notebook's text.
        if (editor.current) quotes.forEach((q) => editor.current!.insertQuote(q))
        else setPending((list) => [...list, ...quotes])
        return say(`Quoted in “${open.title}”.`)
      }
      // One append at a time, so two quick Qs both land.
      appending.current = appending.current.then(async () => {
        let target = open ?? notebooks.live[0]
        if (!target) {
          if (!window.confirm('There is no notebook yet. Start one, and quote there?')) return
          target = await notebooks.create(freshNotebookTitle([]))
        }
        say(`Quoted in “${await appendTo(target.id, quotes)}”.`)
      })
      appending.current.catch(report)
    },
    [quoteOf, notebooks, openId, appendTo, say, report]
  )

  const workbench = useMemo<NotesWorkbench>(
    () => ({
      resolve,
      goTo,
      quote,
      quoteOf,
      onError: report
    }),
    [resolve, goTo, quote, quoteOf, report]
  )

  const { selectedAnnotations, selectedClaim } = options
  const shortcuts = useMemo<Shortcut[]>(
    () => [
      {
        keys: ['Q'],
        description: 'Quote the selected highlight or claim in the notebook',
        when: 'a highlight or claim is selected',
        group: 'Notes',
        run: () => {
          const from: Quotable[] = selectedClaim
            ? [{ kind: 'claim', claim: selectedClaim }]
            : selectedAnnotations.map((annotation) => ({ kind: 'highlight', annotation }))
          if (from.length === 0) return false
          quote(from)
        }
      },
      {
        keys: ['N'],
        description: 'Show the notebooks',
        group: 'Notes',
        run: showNotebooks
      }
    ],
    [selectedAnnotations, selectedClaim, quote, showNotebooks]
  )

  const createNotebook = useCallback(() => {
    notebooks
      .create(freshNotebookTitle(notebooks.live))
      .then((created) => setOpenId(created.id), report)
  }, [notebooks, report])

  const takePending = useCallback(() => setPending([]), [])
  const takeReveal = useCallback(() => setReveal(undefined), [])

  /** Shows the notebooks with `id` open, `text` selected in it (a search hit's words). */
  const openNotebook = useCallback(
    (id: string, text?: string) => {
      if (!notebooks.live.some((n) => n.id === id)) void refreshNotebooks()
      setOpenId(id)
      setReveal(text ? { text } : undefined)
      showNotebooks()
    },
    [notebooks.live, refreshNotebooks, showNotebooks]
  )
  const viewMountedNow = useCallback((mounted: boolean) => (viewMounted.current = mounted), [])
  const view = (
    <NotesContext value={workbench}>
      <NotebooksView
        notebooks={notebooks}
        openId={openId}
        onOpen={setOpenId}
        onCreate={createNotebook}
        pending={pending}
        onPendingTaken={takePending}
        reveal={reveal}
        onRevealTaken={takeReveal}
        handle={(instance) => (editor.current = instance)}
        onMounted={viewMountedNow}
        onError={report}
        say={say}
      />
    </NotesContext>
  )

  /** The notes drawer of a pane, when it is open. */
  const articleNotes = (pane: PaneState) =>
    pane.id === notesPaneId ? (
      <NotesContext value={workbench}>
        <ArticleNotes
          key={pane.articleId}
          articleId={pane.articleId}
          title={titleOf(pane.articleId)}
          onClose={() => setNotesPaneId(undefined)}
          onError={report}
        />
      </NotesContext>
    ) : undefined

  return {
    workbench,
    shortcuts,
    /** The notebooks view: the list beside the open one. */
    view,
    openNotebook,
    articleNotes,
    /** Opens or closes a pane's notes drawer; one is open at a time. */
    toggleArticleNotes: (paneId: string) =>
      setNotesPaneId((open) => (open === paneId ? undefined : paneId)),
    notesOpenIn: notesPaneId
  }
}
