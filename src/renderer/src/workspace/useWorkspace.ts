import { useCallback, useEffect, useRef, useState } from 'react'
import type { Workspace } from '../../../shared/workspace'
import { unwrap } from '../transport/unwrap'

const SAVE_DELAY_MS = 400

/** The reading workspace, loaded once and saved shortly after every change. */
export function useWorkspace(onError: (error: unknown) => void) {
  const [workspace, setWorkspace] = useState<Workspace>()
  const timer = useRef<number | undefined>(undefined)
  const latest = useRef<Workspace | undefined>(undefined)
  const [saved, setSaved] = useState(true)

  useEffect(() => {
    unwrap(window.api.getWorkspace({})).then((loaded) => {
      latest.current = loaded
      setWorkspace(loaded)
    }, onError)
  }, [onError])

  const update = useCallback(
    (change: (current: Workspace) => Workspace) => {
      setWorkspace((current) => {
        if (!current) return current
        const next = change(current)
        latest.current = next
        window.clearTimeout(timer.current)
        setSaved(false)
        timer.current = window.setTimeout(() => {
          const pending = latest.current
          if (!pending) return
          unwrap(window.api.saveWorkspace({ workspace: pending })).then(
            () => setSaved(latest.current === pending),
            onError
          )
        }, SAVE_DELAY_MS)
        return next
      })
    },
    [onError]
  )

  // Closing the tab or window must not lose the last layout change.
  useEffect(() => {
    const flush = (): void => {
      if (timer.current === undefined || !latest.current) return
      window.clearTimeout(timer.current)
      void window.api.saveWorkspace({ workspace: latest.current })
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [])

  /** `saved` is false while a change waits to be written. */
  return { workspace, update, saved }
}
