import { useCallback, useEffect, useMemo, useState } from 'react'
import type { NotebookMeta } from '../../../shared/notebook'
import { unwrap } from '../transport/unwrap'

function fetchLists(): Promise<[NotebookMeta[], NotebookMeta[]]> {
  return Promise.all([
    unwrap(window.api.listNotebooks({})),
    unwrap(window.api.listNotebooks({ trash: true }))
  ])
}

/** The library's notebooks and those in the Trash, most recently changed first. */
export function useNotebooks(onError: (error: unknown) => void) {
  const [lists, setLists] = useState<{ live: NotebookMeta[]; trashed: NotebookMeta[] }>({
    live: [],
    trashed: []
  })

  const refresh = useCallback(
    () => fetchLists().then(([live, trashed]) => setLists({ live, trashed }), onError),
    [onError]
  )
  useEffect(() => {
    fetchLists().then(([live, trashed]) => setLists({ live, trashed }), onError)
  }, [onError])

  /** One notebook's new list entry (saved, renamed) without fetching the lists. */
  const put = useCallback((meta: NotebookMeta) => {
    setLists(({ live, trashed }) => ({
      live: [meta, ...live.filter((n) => n.id !== meta.id)].sort((a, b) =>
        a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0
      ),
      trashed
    }))
  }, [])

  const actions = useMemo(
    () => ({
      async create(title: string): Promise<NotebookMeta> {
        const created = await unwrap(window.api.createNotebook({ title }))
        put(created)
        return created
      },
      async rename(id: string, title: string): Promise<NotebookMeta> {
        const renamed = await unwrap(window.api.renameNotebook({ id, title }))
        put(renamed)
        return renamed
      },
      async trash(ids: string[]): Promise<void> {
        await unwrap(window.api.deleteNotebooks({ ids }))
        await refresh()
      },
      async restore(ids: string[]): Promise<void> {
        await unwrap(window.api.restoreNotebooks({ ids }))
        await refresh()
      }
    }),
    [put, refresh]
  )

  return { ...lists, refresh, put, ...actions }
}
