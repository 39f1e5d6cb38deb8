import { useCallback, useEffect, useState } from 'react'
import type { ArticleMeta } from '../../../shared/article'
import { unwrap } from '../transport/unwrap'

function fetchLists(): Promise<[ArticleMeta[], ArticleMeta[]]> {
  return Promise.all([
    unwrap(window.api.listArticles({})),
    unwrap(window.api.listArticles({ trash: true }))
  ])
}

/** The library and the Trash, loaded at start and refreshed after every change. */
export function useLibraryList(onError: (error: unknown) => void) {
  const [lists, setLists] = useState<{
    articles: ArticleMeta[]
    trashed: ArticleMeta[]
    /** False until the first lists arrive: an empty library is not yet known to be empty. */
    loaded: boolean
  }>({ articles: [], trashed: [], loaded: false })

  const refresh = useCallback(
    () =>
      fetchLists().then(
        ([articles, trashed]) => setLists({ articles, trashed, loaded: true }),
        onError
      ),
    [onError]
  )

  useEffect(() => {
    fetchLists().then(
      ([articles, trashed]) => setLists({ articles, trashed, loaded: true }),
      onError
    )
  }, [onError])

  /** Adds newly imported articles without fetching the whole list (it can be megabytes). */
  const addImported = useCallback((imported: ArticleMeta[]) => {
    if (imported.length === 0) return
    setLists((current) => ({
      ...current,
      articles: [...[...imported].reverse(), ...current.articles]
    }))
  }, [])

  return { ...lists, refresh, addImported }
}
