import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SuggestionPassProgress } from '../../../shared/suggestion'
import { unwrap } from '../transport/unwrap'

/** After the library is in: the pass starts once the app has settled. */
const START_AFTER_MS = 5_000
/** How often a running pass is asked how far it has got. */
const POLL_MS = 1_000

const working = (progress: SuggestionPassProgress | undefined): boolean =>
  progress?.state === 'running' || progress?.state === 'paused'

/**
 * The library's background pass of the attribution finder, as the library panel shows it:
 * started a few seconds after the library is in (and again after an import adds articles),
 * followed while it runs, stopped and resumed by the analyst. Stopping holds for the session.
 * `stopAsked` says Stop was pressed (and not Resume since), for the status line.
 */
export function useSuggestionPass({
  articleCount,
  report
}: {
  articleCount: number
  report(error: unknown): void
}) {
  const [progress, setProgress] = useState<SuggestionPassProgress>()
  const stopped = useRef(false)
  const [stopAsked, setStopAsked] = useState(false)

  const ask = useCallback(
    (call: () => ReturnType<typeof window.api.getSuggestionPass>) =>
      unwrap(call()).then(setProgress, report),
    [report]
  )

  useEffect(() => {
    if (articleCount === 0) return
    if (stopped.current) {
      void ask(() => window.api.getSuggestionPass({}))
      return
    }
    const timer = setTimeout(
      () => void ask(() => window.api.startSuggestionPass({})),
      START_AFTER_MS
    )
    return () => clearTimeout(timer)
  }, [articleCount, ask])

  const running = working(progress)
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => void ask(() => window.api.getSuggestionPass({})), POLL_MS)
    return () => clearInterval(timer)
  }, [running, ask])

  const stop = useCallback(() => {
    stopped.current = true
    setStopAsked(true)
    void ask(() => window.api.stopSuggestionPass({}))
  }, [ask])

  const resume = useCallback(() => {
    stopped.current = false
    setStopAsked(false)
    void ask(() => window.api.startSuggestionPass({}))
  }, [ask])

  return useMemo(() => ({ progress, stopAsked, stop, resume }), [progress, stopAsked, stop, resume])
}

/** The pass as the library panel's status line follows it. */
export type SuggestionPass = ReturnType<typeof useSuggestionPass>
