import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleRow, ArticleView, ArticleWindow } from '../../../shared/articleWindow'
import { unwrap } from '../transport/unwrap'

/** Rows fetched at a time: a few screens, a few dozen kilobytes. */
export const PAGE_ROWS = 200

interface Page {
  /** The view (JSON) and library version the rows were fetched for. */
  view: string
  version: number
  rows: ArticleRow[]
}

type Summary = Omit<ArticleWindow, 'rows' | 'offset'>

/**
 * The library table's rows, fetched a page at a time from the core as they come into view.
 * A new view (sort, filter, tag, Trash) fetches again from the top; a new `version` (the
 * library changed) fetches the pages in view again, showing the old rows until they come.
 * Each fetch is marked `dossier:library-window-fetched`, for tests and benchmarks.
 */
export function useArticleWindow(
  view: ArticleView,
  version: number,
  onError: (error: unknown) => void
) {
  const viewKey = JSON.stringify(view)
  const [pages, setPages] = useState<ReadonlyMap<number, Page>>(new Map())
  const [summary, setSummary] = useState<Summary & { view: string; version: number }>()
  const asked = useRef(new Set<string>())
  const current = useRef({ viewKey, version })
  useEffect(() => {
    current.current = { viewKey, version }
  })

  /** Fetches the pages of these rows (the first page when none) that are missing or old. */
  const ensure = useCallback(
    (indexes: readonly number[]) => {
      const wanted = new Set(indexes.map((index) => Math.floor(index / PAGE_ROWS)))
      if (wanted.size === 0) wanted.add(0)
      for (const page of wanted) {
        const have = pages.get(page)
        if (have && have.view === viewKey && have.version === version) continue
        const ask = `${viewKey}#${version}#${page}`
        if (asked.current.has(ask)) continue
        asked.current.add(ask)
        const request = { ...(JSON.parse(viewKey) as ArticleView), offset: page * PAGE_ROWS }
        unwrap(window.api.listArticleWindow({ ...request, limit: PAGE_ROWS })).then(
          ({ rows, offset: _offset, ...rest }) => {
            asked.current.delete(ask)
            performance.mark('dossier:library-window-fetched', { detail: { rows: rows.length } })
            const now = current.current
            if (now.viewKey !== viewKey) return
            setPages((before) => {
              const next = new Map([...before].filter(([, p]) => p.view === viewKey))
              const older = next.get(page)
              if (!older || older.version <= version)
                next.set(page, { view: viewKey, version, rows })
              return next
            })
            setSummary((before) =>
              before && before.view === viewKey && before.version > version
                ? before
                : { ...rest, view: viewKey, version }
            )
          },
          (error: unknown) => {
            asked.current.delete(ask)
            onError(error)
          }
        )
      }
    },
    [pages, viewKey, version, onError]
  )

  // The pages of this view, fresh or not: by index, and each row's index by id.
  const { rowAt, indexOf } = useMemo(() => {
    const own = [...pages].filter(([, p]) => p.view === viewKey)
    const byId = new Map<string, number>()
    for (const [page, { rows }] of own)
      rows.forEach((row, i) => byId.set(row.id, page * PAGE_ROWS + i))
    const byPage = new Map(own)
    return {
      rowAt: (index: number): ArticleRow | undefined =>
        byPage.get(Math.floor(index / PAGE_ROWS))?.rows[index % PAGE_ROWS],
      indexOf: (id: string): number => byId.get(id) ?? -1
    }
  }, [pages, viewKey])

  // Until a new view's first answer, the last one's counts stand: the table does not blink.
  return {
    /** Whether the first answer came: until then the counts are not known. */
    ready: summary !== undefined,
    matching: summary?.matching ?? 0,
    total: summary?.total ?? 0,
    tags: summary?.tags ?? [],
    rowAt,
    indexOf,
    ensure
  }
}
