import { useEffect } from 'react'
import { flushAllNotes, leaveAllNotes } from './openNotes'

/**
 * Every way out of the app saves the notes first: the tab reloading or closing (the saves go
 * in requests that outlive the page) and the page hidden. The desktop app's quit is
 * `ClosingSaves`' (src/renderer/src/saving).
 */
export function useSaveOnLeave(): void {
  useEffect(() => {
    const leave = (): void => leaveAllNotes()
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') void flushAllNotes()
    }
    window.addEventListener('beforeunload', leave)
    window.addEventListener('pagehide', leave)
    document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('beforeunload', leave)
      window.removeEventListener('pagehide', leave)
      document.removeEventListener('visibilitychange', hidden)
    }
  }, [])
}
