import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleRow } from '../../../shared/articleWindow'
import { MAX_IDS_PER_CALL } from '../../../shared/articleWindow'
import { askInBatches } from '../transport/inBatches'
import { unwrap } from '../transport/unwrap'
import type { ResolvedPassage } from './resolvePassage'
import { resolvePassage } from './resolvePassage'

/** Undefined: not asked yet; null: deleted for good. */
type Known = ReadonlyMap<string, ArticleRow | null>

/**
 * What quotes in notes need to know of their articles (the title now, in the Trash or gone),
 * asked of the core for just the articles quoted, in one call per render that meets new
 * ones, and asked again after every change to the library; more articles than one call
 * takes are asked in batches.
 */
export function useArticleDirectory(libraryVersion: number, onError: (error: unknown) => void) {
  const [known, setKnown] = useState<Known>(new Map())
  const wanted = useRef(new Set<string>())
  const flushing = useRef(false)

  const ask = useCallback(
    (ids: string[]) => {
      if (ids.length === 0) return
      askInBatches(ids, MAX_IDS_PER_CALL, (batch) =>
        unwrap(window.api.getArticleRows({ ids: batch }))
      ).then((rows) => {
        const found = new Map(rows.map((row) => [row.id, row]))
        setKnown((before) => {
          const next = new Map(before)
          for (const id of ids) next.set(id, found.get(id) ?? null)
          return next
        })
      }, onError)
    },
    [onError]
  )

  // After a change, every article known is asked about again.
  const knownNow = useRef(known)
  useEffect(() => {
    knownNow.current = known
  })
  useEffect(() => ask([...knownNow.current.keys()]), [libraryVersion, ask])

  const resolve = useCallback(
    (quote: { articleId: string; title: string }): ResolvedPassage => {
      const article = known.get(quote.articleId)
      if (article !== undefined) return resolvePassage(quote, article ?? undefined)
      // Asked once the render is over, with every other quote met in it.
      wanted.current.add(quote.articleId)
      if (!flushing.current) {
        flushing.current = true
        queueMicrotask(() => {
          flushing.current = false
          const ids = [...wanted.current]
          wanted.current.clear()
          ask(ids)
        })
      }
      return { title: quote.title, where: 'library' }
    },
    [known, ask]
  )

  return resolve
}
