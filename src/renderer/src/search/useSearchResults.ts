import { useEffect, useRef, useState } from 'react'
import type { SearchAnswer } from '../../../shared/search'
import { unwrap } from '../transport/unwrap'
import type { PanelFilters } from './searchFilters'
import { searchRequest } from './searchFilters'

/** While the index is being built, the query is asked again this often. */
const WHILE_INDEXING_MS = 1000

/**
 * The answer to the query under the filters, asked at every keystroke: the index answers in
 * milliseconds, and an answer to an older query that arrives late is dropped. While the
 * index is still loading or rebuilding, asked again every second, so results fill in.
 */
export function useSearchResults(
  query: string,
  filters: PanelFilters,
  onError: (e: unknown) => void
) {
  const [answer, setAnswer] = useState<SearchAnswer>()
  const [searching, setSearching] = useState(false)
  const asked = useRef(0)

  useEffect(() => {
    const ask = asked.current + 1
    asked.current = ask
    let timer: number | undefined
    const run = (): void => {
      setSearching(true)
      unwrap(window.api.search(searchRequest(query, filters))).then(
        (found) => {
          if (asked.current !== ask) return
          setAnswer(found)
          setSearching(false)
          if (found.progress.state !== 'ready') timer = window.setTimeout(run, WHILE_INDEXING_MS)
        },
        (error: unknown) => {
          if (asked.current !== ask) return
          setSearching(false)
          onError(error)
        }
      )
    }
    run()
    return () => window.clearTimeout(timer)
  }, [query, filters, onError])

  return { answer, searching }
}
