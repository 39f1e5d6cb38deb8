import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Article, ArticleMeta } from '../../shared/article'
import type { HostInfo } from '../../shared/api'
import { AnnotationsPanel } from './annotations/AnnotationsPanel'
import { UndoStack } from './annotations/UndoStack'
import { useAnnotations } from './annotations/useAnnotations'
import { useHighlighting } from './annotations/useHighlighting'
import { useUndoRedo } from './annotations/useUndoRedo'
import { useTrash } from './library/useTrash'
import { useClaimWorkbench } from './claims/useClaimWorkbench'
import { ImportProgressBar } from './importing/ImportProgressBar'
import { ImportReview } from './importing/ImportReview'
import { useImportFlow } from './importing/useImportFlow'
import { useOpenedFiles } from './importing/useOpenedFiles'
import { PasteDialog } from './importing/PasteDialog'
import { readDroppedFiles } from './importing/readDroppedFiles'
import { useExportFlow } from './export/useExportFlow'
import { ArticleDetails } from './library/ArticleDetails'
import { LibraryPanel } from './library/LibraryPanel'
import { LIBRARY_SHEET } from './library/libraryRowKeys'
import { NotesContext } from './notes/NotesContext'
import { useNotes } from './notes/useNotes'
import { ProblemsBanner } from './problems/ProblemsBanner'
import { ClosingSaves } from './saving/ClosingSaves'
import type { PaneHandle } from './reader/ReaderPane'
import { ReaderPane } from './reader/ReaderPane'
import { SuggestionPassStatus } from './suggestions/SuggestionPassStatus'
import { useSuggestionPass } from './suggestions/useSuggestionPass'
import { useSuggestions } from './suggestions/useSuggestions'
import { Splitter } from './workspace/Splitter'
import { Toolbar } from './workspace/Toolbar'
import { useWorkspace } from './workspace/useWorkspace'
import { useMenuCommand } from './workspace/useMenuCommand'
import {
  closeArticles,
  movePane,
  openInPanes,
  paneSlotStyle,
  sayOpened,
  resizePanes,
  setPaneScroll,
  toggleMaximized
} from './workspace/paneLayout'
import { ShortcutSheet } from './workspace/ShortcutSheet'
import { Messages } from './workspace/Messages'
import { useMessages } from './workspace/useMessages'
import { useShortcuts } from './workspace/useShortcuts'
import { useClosePane } from './workspace/useClosePane'
import { useWorkbenchShortcuts } from './workspace/workbenchShortcuts'
import { useLibraryCounts } from './library/useLibraryCounts'
import { PanelToggle } from './panels/PanelToggle'
import { PANEL_CHORDS, PANEL_IDS, usePanels } from './panels/usePanels'
import { libraryCrowdsPanes } from './panels/libraryCrowdsPanes'
import { workspaceColumns } from './panels/workspaceColumns'
import { useSampleLibrary } from './welcome/useSampleLibrary'
import { Welcome } from './welcome/Welcome'
import { ClaimsBoard } from './board/ClaimsBoard'
import { isJapanese } from './reader/cjkLanguage'
import { JapaneseArticle } from './reader/JapaneseArticle'
import { SourcesRegistry } from './sources/SourcesRegistry'
import { useView } from './views/useView'
import { ViewPanel } from './views/ViewPanel'
import { ViewSwitch } from './views/ViewSwitch'
import { usePassageReveal } from './workspace/usePassageReveal'
import { useSearchPanel } from './search/useSearchPanel'
import { ApiFailure, unwrap } from './transport/unwrap'

type Loaded = Article | { error: string }

const sameHostInfo = (a: HostInfo, b: HostInfo): boolean =>
  a.notices.length === b.notices.length && JSON.stringify(a) === JSON.stringify(b)

const textIfLoaded = (loaded: Loaded | undefined): string | undefined =>
  loaded && 'text' in loaded ? loaded.text : undefined

export function App() {
  const [host, setHost] = useState<HostInfo>()
  const [showTrash, setShowTrash] = useState(false)
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Loaded>>(new Map())
  const [pasting, setPasting] = useState(false)
  const [detailsFor, setDetailsFor] = useState<string>()
  const [dragging, setDragging] = useState(false)
  const paneHandles = useRef(new Map<string, PaneHandle>())
  const syncing = useRef(false)
  const requested = useRef(new Set<string>())

  const { messages, say, report } = useMessages()

  // Notices (a damaged file moved aside) can appear whenever a file is first read; show
  // each once.
  const noticesShown = useRef(0)
  const checkNotices = useCallback(() => {
    unwrap(window.api.getHostInfo({})).then((info) => {
      // Asked after every change: the workbench renders again only when something is new.
      setHost((known) => (known && sameHostInfo(known, info) ? known : info))
      for (const notice of info.notices.slice(noticesShown.current)) say(notice, 'error')
      noticesShown.current = info.notices.length
    }, report)
  }, [report, say])
  useEffect(checkNotices, [checkNotices])

  const { workspace, update, saved } = useWorkspace(checkNotices, report)
  const library = useLibraryCounts(report)
  const { loaded: libraryLoaded, refresh: refreshLibrary, version: libraryVersion } = library
  // The article whose details are shown, as stored now (again after every change).
  const [details, setDetails] = useState<ArticleMeta>()
  useEffect(() => {
    if (detailsFor === undefined) return
    window.api.getArticle({ id: detailsFor }).then((result) => {
      if (result.ok) setDetails(result.value)
      else if (result.error.code !== 'not_found') report(new ApiFailure(result.error))
    }, report)
  }, [detailsFor, libraryVersion, report])
  const [undoStack] = useState(() => new UndoStack())
  const [showingKeys, setShowingKeys] = useState(false)
  // After a change is stored: counts in the library list, and a warning it raised at once.
  const countsChanged = useCallback(() => {
    void refreshLibrary()
    checkNotices()
  }, [refreshLibrary, checkNotices])
  const textOf = useCallback((id: string) => textIfLoaded(loaded.get(id)), [loaded])
  const titleOf = useCallback(
    (id: string) => {
      const entry = loaded.get(id)
      return entry && 'title' in entry ? entry.title : 'an article'
    },
    [loaded]
  )
  const annotations = useAnnotations(countsChanged, undoStack, {
    textOf,
    report,
    titleOf,
    colorName: (color) => workspace?.colorNames[color - 1] ?? `colour ${color}`
  })

  // Load the text and annotations of every article a pane shows.
  const { load: loadAnnotations } = annotations
  const wanted = useMemo(
    () => [...new Set(workspace?.panes.map((p) => p.articleId) ?? [])],
    [workspace?.panes]
  )
  useEffect(() => {
    for (const id of wanted) {
      if (requested.current.has(id)) continue
      requested.current.add(id)
      window.api.getArticle({ id }).then((result) => {
        setLoaded((map) =>
          new Map(map).set(id, result.ok ? result.value : { error: result.error.message })
        )
        // A pane that failed to load tries again when it is next opened.
        if (!result.ok) requested.current.delete(id)
        else loadAnnotations(id).then(checkNotices, report)
      }, report)
    }
  }, [wanted, loadAnnotations, checkNotices, report])

  const panes = useMemo(() => workspace?.panes ?? [], [workspace?.panes])
  const activePane = panes.find((p) => p.id === workspace?.activePaneId) ?? panes[0]
  const activeArticle = activePane ? loaded.get(activePane.articleId) : undefined
  const activeText = activeArticle && 'text' in activeArticle ? activeArticle.text : ''
  const activeJapanese = useMemo(() => isJapanese(activeText), [activeText])
  const activeAnnotations = (activePane && annotations.byArticle.get(activePane.articleId)) || []

  const { selectedIds, setSelectedIds, selectedAnnotations, highlightSelection, setColor } =
    useHighlighting({ workspace, panes, update, paneHandles, annotations, say, report })

  const views = useView()
  const closePaneFocusing = useClosePane(update, paneHandles)
  const undoRedo = useUndoRedo({
    ...{ undoStack, workspace, update, loaded, paneHandles, say, report },
    inReader: views.view === 'reader',
    highlights: annotations.byArticle,
    onCountsChanged: countsChanged
  })
  const revealPassage = usePassageReveal({ activePane, loaded, paneHandles })

  const openArticles = useCallback(
    (ids: string[], inNewPane: boolean, again = false) => {
      let opened: ReturnType<typeof openInPanes> | undefined
      update((w) => (opened = openInPanes(w, ids, inNewPane, again)).workspace)
      if (opened) sayOpened(opened, ids.length, say)
      setSelectedIds(new Set())
    },
    [update, say, setSelectedIds]
  )

  /** Forgets texts and highlights of articles deleted for good. */
  const forgetArticles = useCallback(
    (ids: string[]) => {
      for (const id of ids) requested.current.delete(id)
      setLoaded((map) => new Map([...map].filter(([id]) => !ids.includes(id))))
      annotations.forget(ids)
    },
    [annotations]
  )

  const toggleTrash = useCallback(() => setShowTrash((t) => !t), [])

  const trash = useTrash({
    ...{ undoStack, update, refreshLibrary, forgetArticles, say, report },
    trashCount: library.trash,
    undo: () => void undoRedo('undo')
  })

  const {
    review,
    setReview,
    busy,
    progress,
    cancel: cancelImport,
    filePicker,
    importFiles,
    startImport,
    importPasted
  } = useImportFlow({
    nativeDialogs: host?.nativeDialogs === true,
    onImported: (imported) => void (imported.length > 0 && refreshLibrary()),
    onFinished: refreshLibrary,
    onError: report
  })

  const claims = useClaimWorkbench({
    panes,
    activeArticleId: activePane?.articleId,
    paneHandles,
    selectedIds,
    setSelectedIds,
    undoStack,
    titleOf,
    openBeside: (id) => openArticles([id], true),
    activatePane: (id) => update((w) => ({ ...w, activePaneId: id })),
    onCountsChanged: countsChanged,
    say,
    report
  })

  const suggestions = useSuggestions({
    panes,
    activePaneId: activePane?.id,
    undoStack,
    claims,
    say,
    report
  })

  const suggestionPass = useSuggestionPass({ articleCount: library.library, report })
  const suggestionPassStatus = useMemo(
    () => <SuggestionPassStatus pass={suggestionPass} />,
    [suggestionPass]
  )

  const notes = useNotes({
    libraryVersion,
    trashCount: library.trash,
    panes,
    paneHandles,
    update,
    openBeside: (id) => openArticles([id], true),
    setSelectedIds,
    showReader: () => views.show('reader'),
    showNotebooks: () => views.show('notebooks'),
    selectedAnnotations,
    selectedClaim: claims.selected,
    titleOf,
    say,
    report
  })

  const panels = usePanels(update)
  const search = useSearchPanel({
    panes,
    paneHandles,
    openArticles,
    openNotebook: notes.openNotebook,
    showView: views.show,
    setSelectedIds,
    say,
    report
  })
  const { loadingSamples, trySamples } = useSampleLibrary({
    onLoaded: async ({ openIds }) => {
      await Promise.all([refreshLibrary(), claims.refreshSources()])
      openArticles(openIds, true)
      const fold =
        workspace !== undefined && libraryCrowdsPanes(workspace, openIds.length, window.innerWidth)
      if (fold) update((w) => ({ ...w, libraryCollapsed: true }))
      return { libraryFolded: fold }
    },
    say,
    report
  })

  const [librarySelection, setLibrarySelection] = useState<string[]>([])
  const exportFlow = useExportFlow({
    host,
    selectedIds: librarySelection,
    current:
      activeArticle && 'title' in activeArticle
        ? { id: activeArticle.id, title: activeArticle.title }
        : undefined,
    libraryEmpty: library.library === 0 && library.trash === 0,
    say,
    report
  })
  const runCommand = useMenuCommand({
    import: () => void startImport(),
    paste: () => setPasting(true),
    export: () => exportFlow.open(),
    exportPdf: exportFlow.openPdf,
    restore: exportFlow.openRestore,
    find: () => {
      if (!views.find() && activePane) paneHandles.current.get(activePane.id)?.openFind()
    },
    undoRedo: (command) => void undoRedo(command),
    'view-reader': () => views.show('reader'),
    'view-board': () => views.show('board'),
    'view-sources': () => views.show('sources'),
    'view-notebooks': () => views.show('notebooks'),
    'toggle-library': () => panels.toggle('library'),
    'toggle-annotations': () => panels.toggle('annotations'),
    shortcuts: () => setShowingKeys(true)
  })
  useEffect(() => window.api.onMenuCommand(runCommand), [runCommand])
  useOpenedFiles({
    ready: workspace !== undefined && libraryLoaded,
    shown: wanted,
    open: (ids) => openArticles(ids, true),
    activate: (id) => {
      const pane = panes.find((p) => p.articleId === id)
      if (pane) update((w) => ({ ...w, activePaneId: pane.id }))
    },
    review: setReview,
    refresh: refreshLibrary,
    report
  })
  const workbenchKeys = useWorkbenchShortcuts({
    command: runCommand,
    highlight: () => void highlightSelection(),
    color: (color) => void setColor(color),
    deleteSelected: () => {
      if (selectedAnnotations.length === 0) return false
      annotations.remove(selectedAnnotations).then(() => setSelectedIds(new Set()), report)
      return true
    },
    clearSelection: () => setSelectedIds(new Set()),
    showShortcuts: () => setShowingKeys(true)
  })
  const shortcuts = [
    ...views.shortcuts,
    search.shortcut,
    exportFlow.shortcut,
    ...views.inReader([
      ...suggestions.shortcuts,
      ...claims.shortcuts,
      ...notes.shortcuts,
      ...panels.shortcuts,
      ...workbenchKeys
    ])
  ]
  useShortcuts(host?.host === 'electron', shortcuts)

  const onPaneScroll = useCallback(
    (paneId: string, fraction: number) => {
      update((w) => setPaneScroll(w, paneId, fraction))
      if (!workspace?.scrollSync || syncing.current) return
      syncing.current = true
      for (const [id, handle] of paneHandles.current)
        if (id !== paneId) handle.setScrollFraction(fraction)
      window.requestAnimationFrame(() => (syncing.current = false))
    },
    [update, workspace?.scrollSync]
  )

  if (!workspace || !libraryLoaded)
    return (
      <div className="app-loading" role="status">
        Opening your library…
      </div>
    )

  const visiblePanes = workspace.maximizedPaneId
    ? panes.filter((p) => p.id === workspace.maximizedPaneId)
    : panes
  const totalWidth = visiblePanes.reduce((sum, p) => sum + p.width, 0)
  // An empty library has nothing to list or annotate: its welcome gets the whole width.
  const welcoming = library.library === 0 && library.trash === 0
  const libraryHidden = welcoming || workspace.libraryCollapsed === true
  const annotationsHidden = welcoming || workspace.annotationsCollapsed === true

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      data-workspace-saved={saved}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(event) => event.currentTarget === event.target && setDragging(false)}
      onDrop={(event) => {
        event.preventDefault()
        setDragging(false)
        readDroppedFiles(event.dataTransfer).then(importFiles, report)
      }}
    >
      <Toolbar
        host={host}
        colorNames={workspace.colorNames}
        currentColor={workspace.currentColor}
        scrollSync={workspace.scrollSync}
        busy={busy}
        onImport={() => void startImport()}
        onPaste={() => setPasting(true)}
        onExport={exportFlow.open}
        onColor={(color) => void setColor(color)}
        onRenameColor={(color, name) =>
          update((w) => ({
            ...w,
            colorNames: w.colorNames.map((n, i) => (i === color - 1 ? name : n))
          }))
        }
        onToggleSync={() => update((w) => ({ ...w, scrollSync: !w.scrollSync }))}
        onUndo={() => void undoRedo('undo')}
        onRedo={() => void undoRedo('redo')}
        onClaim={claims.markClaim}
        onShowShortcuts={() => setShowingKeys(true)}
        libraryToggle={
          !welcoming && (
            <PanelToggle
              side="left"
              label="Library panel"
              controls={PANEL_IDS.library}
              collapsed={libraryHidden}
              chord={PANEL_CHORDS.library}
              onToggle={() => panels.toggle('library')}
            />
          )
        }
        annotationsToggle={
          !welcoming && (
            <PanelToggle
              side="right"
              label="Annotations panel"
              controls={PANEL_IDS.annotations}
              collapsed={annotationsHidden}
              chord={PANEL_CHORDS.annotations}
              onToggle={() => panels.toggle('annotations')}
            />
          )
        }
      />
      <ViewSwitch view={views.view} onChange={views.show} />
      <ProblemsBanner host={host} />
      <ClosingSaves />
      <input
        ref={filePicker}
        type="file"
        multiple
        hidden
        aria-label="Choose files to import"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          event.target.value = ''
          void importFiles(files)
        }}
      />
      <main
        className={`workspace${views.view === 'reader' ? '' : ' view-behind'}`}
        data-view="reader"
        inert={views.view !== 'reader'}
        style={{
          gridTemplateColumns: workspaceColumns(workspace.libraryWidth, {
            library: libraryHidden,
            annotations: annotationsHidden
          })
        }}
      >
        <div className="panel-slot" id={PANEL_IDS.library} hidden={libraryHidden}>
          <LibraryPanel
            version={libraryVersion}
            trash={showTrash}
            trashCount={library.trash}
            onToggleTrash={toggleTrash}
            onDetails={setDetailsFor}
            onOpen={openArticles}
            onDelete={trash.trashArticles}
            onRestore={trash.restoreArticles}
            onDeleteForGood={trash.deleteForGood}
            onEmptyTrash={() => void trash.deleteForGood()}
            onSelectionChange={setLibrarySelection}
            onExport={(ids) => exportFlow.open({ scope: 'selected', articleIds: ids })}
            footer={suggestionPassStatus}
            onError={report}
          />
        </div>
        {!libraryHidden && (
          <Splitter
            label="Resize library"
            value={workspace.libraryWidth}
            onDelta={(px) =>
              update((w) => ({
                ...w,
                libraryWidth: Math.min(Math.max(w.libraryWidth + px, 240), 1200)
              }))
            }
          />
        )}
        <section className="panes" aria-label="Reading panes">
          {visiblePanes.length === 0 && welcoming && (
            <Welcome
              busy={busy}
              loadingSamples={loadingSamples}
              onImport={() => void startImport()}
              onPaste={() => setPasting(true)}
              onTrySamples={() => void trySamples()}
            />
          )}
          {visiblePanes.length === 0 && !welcoming && (
            <div className="panes-empty">
              <h2>Nothing open</h2>
              <p>
                Double-click an article to read it here; Shift+double-click (or Shift+Enter) opens
                it beside the current one.
              </p>
            </div>
          )}
          {visiblePanes.map((pane, index) => {
            const entry = loaded.get(pane.articleId)
            const article = entry && 'text' in entry ? entry : undefined
            return (
              <div
                className="pane-slot"
                key={pane.id}
                style={paneSlotStyle(pane.width / totalWidth, visiblePanes.length)}
              >
                <ReaderPane
                  paneId={pane.id}
                  article={article}
                  error={entry && 'error' in entry && entry.error ? entry.error : undefined}
                  annotations={annotations.byArticle.get(pane.articleId) ?? []}
                  selectedIds={selectedIds}
                  claims={claims.paneClaims(pane)}
                  active={pane.id === activePane?.id}
                  maximized={workspace.maximizedPaneId === pane.id}
                  index={panes.indexOf(pane)}
                  count={panes.length}
                  initialScroll={pane.scroll}
                  handle={(handle) => {
                    if (handle) paneHandles.current.set(pane.id, handle)
                    else paneHandles.current.delete(pane.id)
                  }}
                  onActivate={() =>
                    workspace.activePaneId !== pane.id &&
                    update((w) => ({ ...w, activePaneId: pane.id }))
                  }
                  onClose={() => closePaneFocusing(pane.id)}
                  onMove={(direction) => update((w) => movePane(w, panes.indexOf(pane), direction))}
                  onToggleMaximize={() => update((w) => toggleMaximized(w, pane.id))}
                  onScroll={(fraction) => onPaneScroll(pane.id, fraction)}
                  onSelectAnnotations={(ids) => setSelectedIds(new Set(ids))}
                  onHighlight={() => void highlightSelection()}
                  onDetails={() => setDetailsFor(pane.articleId)}
                  notes={notes.articleNotes(pane)}
                  onToggleNotes={() => notes.toggleArticleNotes(pane.id)}
                  suggestions={suggestions.paneSuggestions(pane)}
                />
                {index < visiblePanes.length - 1 && (
                  <Splitter
                    label="Resize panes"
                    value={Math.round((pane.width / totalWidth) * 100)}
                    onDelta={(px, width) =>
                      update((w) => resizePanes(w, panes.indexOf(pane), px / width))
                    }
                  />
                )}
              </div>
            )
          })}
        </section>
        <div className="panel-slot" id={PANEL_IDS.annotations} hidden={annotationsHidden}>
          <NotesContext value={notes.workbench}>
            <JapaneseArticle value={activeJapanese}>
              <AnnotationsPanel
                title={activeArticle && 'title' in activeArticle ? activeArticle.title : undefined}
                annotations={activeAnnotations}
                selectedIds={selectedIds}
                unsaved={annotations.unsaved}
                colorNames={workspace.colorNames}
                onSelect={(annotation) => {
                  setSelectedIds(new Set([annotation.id]))
                  const pane = panes.find((p) => p.articleId === annotation.articleId)
                  if (pane)
                    paneHandles.current
                      .get(pane.id)
                      ?.scrollToOffset(annotation.position.start, annotation.position)
                }}
                onDelete={(list) =>
                  void annotations.remove(list).then(() => setSelectedIds(new Set()), report)
                }
                onRecolor={(list, color) => void annotations.recolor(list, color).catch(report)}
                onNoteSaved={annotations.saved}
                claimCard={claims.card}
                claimList={claims.list}
              />
            </JapaneseArticle>
          </NotesContext>
        </div>
      </main>
      <ViewPanel view="board" shown={views.view === 'board'}>
        <ClaimsBoard
          shown={views.view === 'board'}
          undoStack={undoStack}
          libraryVersion={libraryVersion}
          onError={report}
          onOpen={(row, beside) => {
            views.show('reader')
            openArticles([row.articleId], beside)
            setSelectedIds(new Set([row.id]))
            revealPassage(row.articleId, { start: row.start, end: row.end })
          }}
        />
      </ViewPanel>
      {views.opened.has('sources') && (
        <ViewPanel view="sources" shown={views.view === 'sources'}>
          <SourcesRegistry
            shown={views.view === 'sources'}
            say={say}
            report={report}
            onUndoable={(action) => undoStack.push(action)}
            onShow={() => views.show('sources')}
            reveal={search.sourceShown}
          />
        </ViewPanel>
      )}
      {views.opened.has('notebooks') && (
        <ViewPanel view="notebooks" shown={views.view === 'notebooks'}>
          {notes.view}
        </ViewPanel>
      )}
      <Messages messages={messages} />
      {dragging && <div className="drop-hint">Drop files or folders to import them</div>}
      {progress && <ImportProgressBar progress={progress} onCancel={cancelImport} />}
      {review && (
        <ImportReview
          files={review.files}
          cancelled={review.cancelled}
          onChange={(index, outcome, replaced) => {
            if (replaced) update((w) => closeArticles(w, [replaced]))
            setReview(
              (r) =>
                r && { ...r, files: r.files.map((f, i) => (i === index ? { ...f, outcome } : f)) }
            )
            void refreshLibrary()
          }}
          onOpen={(id) => {
            setReview(undefined)
            openArticles([id], false)
          }}
          onRestore={(id) =>
            void unwrap(window.api.restoreArticles({ ids: [id] }))
              .then(async () => {
                setReview(undefined)
                await refreshLibrary()
                openArticles([id], false)
                say('Restored from the Trash.')
              })
              .catch(report)
          }
          onClose={() => setReview(undefined)}
          onError={report}
        />
      )}
      {details !== undefined && details.id === detailsFor && (
        <ArticleDetails
          article={details}
          onClose={() => setDetailsFor(undefined)}
          onError={report}
          onRedecoded={(outcome, replaced) => {
            if (replaced) update((w) => closeArticles(w, [replaced]))
            void refreshLibrary()
            if (outcome.status === 'imported') {
              openArticles([outcome.article.id], false)
              say(`Re-decoded as ${outcome.article.origin.encoding}; the old text is in the Trash.`)
            }
          }}
          onSave={async (fields) => {
            try {
              const updated = await unwrap(window.api.updateArticle({ id: detailsFor, fields }))
              setLoaded((map) => {
                const entry = map.get(updated.id)
                return entry && 'text' in entry
                  ? new Map(map).set(updated.id, { ...entry, ...updated })
                  : map
              })
              say(`Saved the details of “${updated.title}”.`)
              await refreshLibrary()
            } catch (error) {
              report(error)
              throw error
            }
          }}
        />
      )}
      {exportFlow.elements}
      {search.element}
      {showingKeys && (
        <ShortcutSheet
          shortcuts={[...shortcuts, ...LIBRARY_SHEET]}
          onClose={() => setShowingKeys(false)}
        />
      )}
      {pasting && (
        <PasteDialog
          onCancel={() => setPasting(false)}
          onImport={(text, title) => {
            setPasting(false)
            void importPasted(text, title)
          }}
        />
      )}
    </div>
  )
}
