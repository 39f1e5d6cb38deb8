import { useCallback, useEffect, useState } from 'react'
import { unwrap } from '../transport/unwrap'

interface LibraryCounts {
  /** Articles in the library and in the Trash. */
  library: number
  trash: number
  /** False until the first counts arrive: an empty library is not yet known to be empty. */
  loaded: boolean
  /** Goes up after every change the library table must show (its rows are fetched again). */
  version: number
}

const countsNow = () => unwrap(window.api.listArticleWindow({ offset: 0, limit: 0 }))

/**
 * How many articles the library and its Trash hold, and a version that tells the library
 * table to fetch its rows again. No list of articles is held here: the table asks the core
 * for the rows it shows (`listArticleWindow`).
 */
export function useLibraryCounts(onError: (error: unknown) => void) {
  const [counts, setCounts] = useState<LibraryCounts>({
    library: 0,
    trash: 0,
    loaded: false,
    version: 0
  })

  const refresh = useCallback(
    () =>
      countsNow().then(
        ({ counts: { library, trash } }) =>
          setCounts((current) => ({ library, trash, loaded: true, version: current.version + 1 })),
        onError
      ),
    [onError]
  )

  useEffect(() => void refresh(), [refresh])

  return { ...counts, refresh }
}
