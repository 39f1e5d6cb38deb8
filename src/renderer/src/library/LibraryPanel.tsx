import type { ReactNode } from 'react'
import { Fragment, memo, useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleSortKey, ArticleView } from '../../../shared/articleWindow'
import { MAX_AMONG_IDS } from '../../../shared/articleWindow'
import { COLUMNS } from './libraryColumns'
import { useArticleWindow } from './useArticleWindow'
import { askInBatches } from '../transport/inBatches'
import { unwrap } from '../transport/unwrap'
import { useVirtualRows } from '../workspace/useVirtualRows'
import { ContextMenu } from '../overflow/ContextMenu'
import { keepSelected } from './keepSelected'
import { libraryMenuEntries } from './libraryMenu'
import { rowActionOf } from './libraryRowKeys'
import { formatCount, formatShown } from '../format/formatCount'

interface Props {
  /** Goes up after every change to the library: the rows in view are fetched again. */
  version: number
  trash: boolean
  trashCount: number
  onToggleTrash(): void
  /**
   * `again`: one row opened beside on purpose (Shift+Enter, Shift+double-click) may show an
   * article already open, to read two places of it; any other opening goes to its pane.
   */
  onOpen(ids: string[], inNewPane: boolean, again?: boolean): void
  onDelete(ids: string[]): void
  onRestore(ids: string[]): void
  /**
   * Deletes trashed articles for good once the analyst agrees; false if they did not.
   * `title`: the one article's, for the question.
   */
  onDeleteForGood(ids: string[], title?: string): boolean
  onEmptyTrash(): void
  onDetails(id: string): void
  /** The selected articles, whenever they change (what Export's "selected articles" takes). */
  onSelectionChange?(ids: string[]): void
  /** Export… from the context menu, for these articles. */
  onExport?(ids: string[]): void
  /** Shown under the list (not in the Trash): e.g. the attribution finder's library pass. */
  footer?: ReactNode
  onError(error: unknown): void
}

/** Rows are one line of fixed height, so only those in view are in the DOM. */
const ROW_HEIGHT = 28
const OVERSCAN = 12

/** Where a row is in the view, and which article it is. */
interface RowAt {
  id: string
  index: number
}

/**
 * The library as a table, used like a file manager: click selects, arrows move,
 * Enter or double-click opens in the current pane, Shift+Enter in a new pane. The core
 * sorts and filters; the table fetches the rows in view a page at a time and renders a few
 * dozen of them. A selection may hold rows never loaded (select all, a Shift-click range):
 * their ids come from the core.
 */
export const LibraryPanel = memo(function LibraryPanel(props: Props) {
  const { trash, version, onError } = props
  const [sort, setSort] = useState<{ key: ArticleSortKey; descending: boolean }>({
    key: 'importedAt',
    descending: true
  })
  const [filter, setFilter] = useState('')
  const [tag, setTag] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [cursor, setCursor] = useState<string>()
  const anchor = useRef<string | undefined>(undefined)
  /** The open context menu: on which row, for which articles, where. */
  const [menu, setMenu] = useState<{ row: string; ids: string[]; at: { x: number; y: number } }>()
  /** A row to go to once it is loaded (End, or an arrow past the rows loaded). */
  const pending = useRef<{ index: number; then: (row: RowAt) => void } | undefined>(undefined)

  const view = useMemo<ArticleView>(
    () => ({ trash, sort: sort.key, descending: sort.descending, filter, tag }),
    [trash, sort, filter, tag]
  )
  const list = useArticleWindow(view, version, onError)
  const count = list.matching

  const cursorIndex = cursor === undefined ? -1 : list.indexOf(cursor)
  const { ref, onScroll, reveal, indexes, element } = useVirtualRows(
    count,
    ROW_HEIGHT,
    OVERSCAN,
    cursorIndex
  )
  const { ensure } = list
  useEffect(() => ensure(indexes), [ensure, indexes])

  // A selection keeps only the articles still in the view after a change or a new filter
  // (asked in batches the API takes: Ctrl/Cmd+A may have selected more).
  const latestSelected = useRef(selected)
  useEffect(() => {
    latestSelected.current = selected
  })
  useEffect(() => {
    const asked = [...latestSelected.current]
    if (asked.length === 0) return
    askInBatches(asked, MAX_AMONG_IDS, (among) =>
      unwrap(window.api.listArticleIds({ ...view, among }))
    ).then((kept) => setSelected((now) => keepSelected(now, asked, kept)), onError)
  }, [view, version, onError])

  // Goes on to a row asked for before it was loaded, once it is.
  useEffect(() => {
    const wanted = pending.current
    const row = wanted && list.rowAt(wanted.index)
    if (!wanted || !row) return
    pending.current = undefined
    wanted.then({ id: row.id, index: wanted.index })
  })

  /** Brings row `index` into view and runs `then` with it, at once if it is loaded. */
  const goTo = (index: number, then: (row: RowAt) => void): void => {
    if (index < 0 || index >= count) return
    const row = list.rowAt(index)
    if (row) return then({ id: row.id, index })
    pending.current = { index, then }
    reveal(index, 'nearest', element.current?.querySelector('thead')?.clientHeight ?? ROW_HEIGHT)
  }

  /** Scrolls the row into view, renders it, then focuses it. */
  const focusRow = (id: string, index = list.indexOf(id)): void => {
    setCursor(id)
    const scroller = element.current
    reveal(index, 'nearest', scroller?.querySelector('thead')?.clientHeight ?? ROW_HEIGHT)
    const row = (): HTMLElement | null | undefined =>
      scroller?.querySelector<HTMLElement>(`tr[data-id="${id}"]`)
    // Focus now when the row is rendered, so the next key goes to it; else after rendering.
    const rendered = row()
    if (rendered) rendered.focus()
    else requestAnimationFrame(() => row()?.focus())
  }

  /** The ids of rows `from`–`to` of the view: from the pages loaded, else from the core. */
  const idsBetween = async (from: number, to: number): Promise<string[]> => {
    const loaded: string[] = []
    for (let index = from; index <= to; index++) {
      const row = list.rowAt(index)
      if (!row)
        return unwrap(window.api.listArticleIds({ ...view, offset: from, limit: to - from + 1 }))
      loaded.push(row.id)
    }
    return loaded
  }

  /** Where the anchor was found in a view when its page was not loaded, until either changes. */
  const anchorPlace = useRef<
    { id: string; view: ArticleView; version: number; index: number } | undefined
  >(undefined)
  /** Counts selections: a range that arrives after a later click is dropped. */
  const selections = useRef(0)

  /**
   * The anchor's row in the view, or -1 when it is not in it (filtered out, or in the
   * Trash). After a sort its row may lie in a page not loaded: then its place is asked of the
   * core once, and kept for the next Shift+click or Shift+arrow.
   */
  const anchorIndex = async (anchorId: string): Promise<number> => {
    const loaded = list.indexOf(anchorId)
    if (loaded >= 0) return loaded
    const known = anchorPlace.current
    if (known?.id === anchorId && known.view === view && known.version === version)
      return known.index
    const index = (await unwrap(window.api.listArticleIds(view))).indexOf(anchorId)
    anchorPlace.current = { id: anchorId, view, version, index }
    return index
  }

  const selectRow = (
    id: string,
    event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
    index = list.indexOf(id)
  ): void => {
    const ticket = ++selections.current
    const from = anchor.current
    if (event.shiftKey && from !== undefined && index >= 0) {
      anchorIndex(from)
        .then(async (at) => {
          if (at < 0) return undefined
          const [low, high] = [at, index].sort((x, y) => x - y) as [number, number]
          return idsBetween(low, high)
        })
        .then((range) => {
          if (ticket !== selections.current) return
          setSelected(new Set(range ?? [id]))
          // An anchor no longer in the view: this row is the next one.
          if (range === undefined) anchor.current = id
        }, onError)
    } else if (event.ctrlKey || event.metaKey) {
      const next = new Set(selected)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      setSelected(next)
      anchor.current = id
    } else {
      setSelected(new Set([id]))
      anchor.current = id
    }
    setCursor(id)
  }

  const chosen = [...selected]
  /** The title of the one article of `ids`, when it is loaded. */
  const titleOf = (ids: readonly string[]): string | undefined =>
    ids.length === 1 ? list.rowAt(list.indexOf(ids[0]!))?.title : undefined
  const selection = (fallback: string): string[] => (selected.has(fallback) ? chosen : [fallback])

  /**
   * The row's context menu, for the selection when the row is in it, else for the row alone
   * (which becomes the selection, as in a file manager). From the keyboard it opens at the
   * row; a second request while it is open (the key's own contextmenu event) changes nothing.
   */
  const openMenu = (id: string, pointer: { x: number; y: number } | undefined): void => {
    if (menu) return
    const row = element.current?.querySelector<HTMLElement>(`tr[data-id="${id}"]`)
    const box = row?.getBoundingClientRect()
    const at = pointer ?? { x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 }
    if (!selected.has(id)) selectRow(id, { shiftKey: false, ctrlKey: false, metaKey: false })
    setMenu({ row: id, ids: selection(id), at })
  }

  const onRowKey = (event: React.KeyboardEvent, id: string): void => {
    const action = rowActionOf(event.nativeEvent)
    if (!action) return
    const at = list.indexOf(id)
    const single = { shiftKey: false, ctrlKey: false, metaKey: false }
    if ((action === 'open' && trash) || (action === 'restore' && !trash)) return
    event.preventDefault()
    if (action === 'menu') openMenu(id, undefined)
    else if (action === 'move') {
      const down = event.key === 'ArrowDown'
      const shift = event.shiftKey
      if (shift) anchor.current ??= id
      goTo(Math.min(Math.max(at + (down ? 1 : -1), 0), count - 1), (next) => {
        selectRow(next.id, { ...single, shiftKey: shift }, next.index)
        focusRow(next.id, next.index)
      })
    } else if (action === 'edge') {
      goTo(event.key === 'Home' ? 0 : count - 1, (next) => {
        selectRow(next.id, single, next.index)
        focusRow(next.id, next.index)
      })
    } else if (action === 'details') props.onDetails(id)
    else if (action === 'open') props.onOpen(selection(id), event.shiftKey)
    else if (action === 'remove' || action === 'restore') {
      event.stopPropagation()
      const leaving = selection(id)
      // In the Trash, Delete deletes for good (after asking) and R restores.
      if (!trash) props.onDelete(leaving)
      else if (action === 'restore') props.onRestore(leaving)
      else if (!props.onDeleteForGood(leaving, titleOf(leaving))) return
      // Keep the keyboard in the table: on to the next row that stays, or the one before.
      const after = nearestStaying(at, leaving)
      if (after !== undefined) {
        selectRow(after, single)
        focusRow(after)
      }
    } else if (action === 'toggle') selectRow(id, { ...single, ctrlKey: true })
    else unwrap(window.api.listArticleIds(view)).then((all) => setSelected(new Set(all)), onError)
  }

  /** The loaded row after `at` that is not leaving, or else the one before it. */
  const nearestStaying = (at: number, leaving: readonly string[]): string | undefined => {
    const going = new Set(leaving)
    const stays = (index: number): string | undefined => {
      const row = list.rowAt(index)
      return row && !going.has(row.id) ? row.id : undefined
    }
    for (let index = at + 1; index < count && list.rowAt(index); index++) {
      const id = stays(index)
      if (id !== undefined) return id
    }
    for (let index = at - 1; index >= 0 && list.rowAt(index); index--) {
      const id = stays(index)
      if (id !== undefined) return id
    }
    return undefined
  }

  const chosenKey = chosen.join(' ')
  const { onSelectionChange } = props
  useEffect(() => {
    onSelectionChange?.(chosenKey === '' ? [] : chosenKey.split(' '))
  }, [chosenKey, onSelectionChange])
  // One row is always reachable with Tab, even when the cursor row was filtered out.
  const focusable =
    cursorIndex >= 0 ? cursor : indexes.map((index) => list.rowAt(index)?.id).find(Boolean)

  return (
    <section className="library" aria-label={trash ? 'Trash' : 'Library'}>
      <div className="library-tools">
        <input
          type="search"
          aria-label="Filter articles"
          placeholder={trash ? 'Filter the Trash' : 'Filter by title, source, author, tag'}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <select
          aria-label="Filter by tag"
          value={tag}
          onChange={(event) => setTag(event.target.value)}
        >
          <option value="">All tags</option>
          {list.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="library-bar">
        <span className="library-count" aria-live="polite">
          {list.ready && formatShown(count, list.total, 'article')}
          {chosen.length > 1 ? ` · ${chosen.length.toLocaleString('en')} selected` : ''}
        </span>
        {trash ? (
          <>
            <button
              type="button"
              disabled={chosen.length === 0}
              title="Restore (R)"
              onClick={() => props.onRestore(chosen)}
            >
              Restore
            </button>
            <button
              type="button"
              className="danger"
              disabled={chosen.length === 0}
              title="Delete for good (Delete)"
              onClick={() => props.onDeleteForGood(chosen, titleOf(chosen))}
            >
              Delete for good…
            </button>
            <button
              type="button"
              className="danger"
              disabled={props.trashCount === 0}
              onClick={props.onEmptyTrash}
            >
              Empty Trash…
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              disabled={chosen.length === 0}
              onClick={() => props.onOpen(chosen, true)}
            >
              Open side by side
            </button>
            <button
              type="button"
              disabled={chosen.length === 0}
              onClick={() => props.onDelete(chosen)}
            >
              Move to Trash
            </button>
            <button
              type="button"
              disabled={chosen.length !== 1}
              onClick={() => props.onDetails(chosen[0]!)}
              title="Details (Alt+Enter)"
            >
              Details…
            </button>
          </>
        )}
        <button type="button" aria-pressed={trash} onClick={props.onToggleTrash}>
          {trash ? 'Back to library' : `Trash (${props.trashCount})`}
        </button>
      </div>
      <div className="table-scroll library-table" ref={ref} onScroll={onScroll}>
        <table
          role="grid"
          aria-label={trash ? 'Articles in the Trash' : 'Articles'}
          aria-multiselectable="true"
          aria-rowcount={count + 1}
        >
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={`col-${column.key}${column.numeric ? ' numeric' : ''}`}
                  aria-sort={
                    sort.key === column.key
                      ? sort.descending
                        ? 'descending'
                        : 'ascending'
                      : 'none'
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) => ({
                        key: column.key,
                        descending: s.key === column.key ? !s.descending : column.numeric === true
                      }))
                    }
                  >
                    {column.label}
                    <span aria-hidden="true">
                      {sort.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indexes.map((index, k) => {
              const article = list.rowAt(index)
              const gap = index - (indexes[k - 1] ?? -1) - 1
              if (!article)
                return (
                  <Fragment key={`pending-${index}`}>
                    {gap > 0 && <Spacer rows={gap} />}
                    <Spacer rows={1} />
                  </Fragment>
                )
              return (
                <Fragment key={article.id}>
                  {gap > 0 && <Spacer rows={gap} />}
                  <tr
                    data-id={article.id}
                    aria-rowindex={index + 2}
                    aria-label={`${article.title}${article.source ? `, ${article.source}` : ''}, ${formatCount(article.counts.highlights, 'highlight')}`}
                    aria-selected={selected.has(article.id)}
                    tabIndex={article.id === focusable ? 0 : -1}
                    onClick={(event) => selectRow(article.id, event, index)}
                    onDoubleClick={(event) =>
                      !trash && props.onOpen([article.id], event.shiftKey, event.shiftKey)
                    }
                    onKeyDown={(event) => onRowKey(event, article.id)}
                    onContextMenu={(event) => {
                      event.preventDefault()
                      // A keyboard's contextmenu event has no pointer position.
                      const pointer =
                        event.clientX === 0 && event.clientY === 0
                          ? undefined
                          : { x: event.clientX, y: event.clientY }
                      // Where the menu comes on the button's press (Linux), it opens once the
                      // button is let go: the popover's light dismiss would close it on that
                      // release outside it.
                      if (event.buttons === 0) openMenu(article.id, pointer)
                      else
                        window.addEventListener('pointerup', () => openMenu(article.id, pointer), {
                          once: true
                        })
                    }}
                    onFocus={() => setCursor(article.id)}
                  >
                    <td className="col-title title-cell" title={article.title}>
                      {article.title}
                    </td>
                    <td className="col-source" title={article.source}>
                      {article.source}
                    </td>
                    <td className="col-author" title={article.author}>
                      {article.author}
                    </td>
                    <td
                      className="col-publishedAt"
                      title={
                        article.publishedAt &&
                        (article.publishedDate
                          ? `Published: ${article.publishedAt}`
                          : `Published: “${article.publishedAt}” (not a date Dossier understands)`)
                      }
                    >
                      {article.publishedDate ?? (article.publishedAt && `${article.publishedAt} ?`)}
                    </td>
                    <td className="col-importedAt">{article.importedAt.slice(0, 10)}</td>
                    <td className="col-tags">{article.tags.join(', ')}</td>
                    <td className="col-highlights numeric">{article.counts.highlights}</td>
                    <td className="col-claims numeric">{article.counts.claims}</td>
                  </tr>
                </Fragment>
              )
            })}
            {count - 1 > (indexes.at(-1) ?? -1) && (
              <Spacer rows={count - 1 - (indexes.at(-1) ?? -1)} />
            )}
          </tbody>
        </table>
        {list.ready && count === 0 && (
          <p className="empty">
            {list.total > 0
              ? 'No article matches the filter.'
              : trash
                ? 'The Trash is empty.'
                : 'No articles yet. Import text files with the Import button, or drop them here.'}
          </p>
        )}
      </div>
      {menu && (
        <ContextMenu
          label={menu.ids.length > 1 ? `${menu.ids.length} articles` : 'Article'}
          entries={libraryMenuEntries(menu.ids.length, { trash, canExport: !!props.onExport })}
          at={menu.at}
          onClose={() => {
            setMenu(undefined)
            if (list.indexOf(menu.row) >= 0) focusRow(menu.row)
          }}
          onChoose={(key) => {
            const chosen = menu.ids
            if (key === 'open') props.onOpen(chosen, false)
            else if (key === 'beside') props.onOpen(chosen, true)
            else if (key === 'export') props.onExport?.(chosen)
            else if (key === 'details') props.onDetails(chosen[0]!)
            else if (key === 'trash') props.onDelete(chosen)
            else if (key === 'restore') props.onRestore(chosen)
          }}
        />
      )}
      {!trash && props.footer}
    </section>
  )
})

function Spacer({ rows }: { rows: number }) {
  return <tr className="spacer" aria-hidden="true" style={{ height: rows * ROW_HEIGHT }} />
}
