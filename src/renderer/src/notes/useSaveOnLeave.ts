import { useEffect } from 'react'
import { flushAllNotes, leaveAllNotes } from './openNotes'

/**
 * Every way out of the app saves the notes first: the tab reloading or closing (the saves go
 * in requests that outlive the page), the page hidden, and the desktop app quitting (its
 * main process asks, and waits for the answer before it closes the library).
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
    const stopListening = window.api.onSaveRequest?.(async () => void (await flushAllNotes()))
    return () => {
      window.removeEventListener('beforeunload', leave)
      window.removeEventListener('pagehide', leave)
      document.removeEventListener('visibilitychange', hidden)
      stopListening?.()
    }
  }, [])
}
