import { useCallback, useEffect, useRef, useState } from 'react'
import type { Workspace } from '../../../shared/workspace'
import { unwrap } from '../transport/unwrap'

const SAVE_DELAY_MS = 400

/**
 * The reading workspace, loaded once and saved shortly after every change. Changes apply
 * to the latest workspace at once (not at the next render), so two quick changes never
 * undo each other.
 */
export function useWorkspace(onLoaded: () => void, onError: (error: unknown) => void) {
  const [workspace, setWorkspace] = useState<Workspace>()
  const [saved, setSaved] = useState(true)
  const timer = useRef<number | undefined>(undefined)
  const latest = useRef<Workspace | undefined>(undefined)

  useEffect(() => {
    unwrap(window.api.getWorkspace({})).then((loaded) => {
      latest.current = loaded
      setWorkspace(loaded)
      onLoaded()
    }, onError)
  }, [onLoaded, onError])

  const save = useCallback(() => {
    timer.current = undefined
    const pending = latest.current
    if (!pending) return
    unwrap(window.api.saveWorkspace({ workspace: pending })).then(
      () => setSaved(latest.current === pending),
      onError
    )
  }, [onError])

  const update = useCallback(
    (change: (current: Workspace) => Workspace) => {
      if (!latest.current) return
      const next = change(latest.current)
      if (next === latest.current) return
      latest.current = next
      setWorkspace(next)
      setSaved(false)
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(save, SAVE_DELAY_MS)
    },
    [save]
  )

  // Closing the tab or window must not lose the last layout change.
  useEffect(() => {
    const flush = (): void => {
      if (timer.current === undefined) return
      window.clearTimeout(timer.current)
      save()
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [save])

  /** `saved` is false while a change waits to be written. */
  return { workspace, update, saved }
}
