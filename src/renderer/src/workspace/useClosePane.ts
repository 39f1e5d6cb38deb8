import { useCallback } from 'react'
import type { RefObject } from 'react'
import type { Workspace } from '../../../shared/workspace'
import type { PaneHandle } from '../reader/ReaderPane'
import { closePane } from './paneLayout'

/**
 * Closes a pane with the keyboard kept in the reader: in the pane that becomes the active
 * one (the next, else the one before), or in the library when none is left — never on the
 * page's body.
 */
export function useClosePane(
  update: (change: (current: Workspace) => Workspace) => void,
  paneHandles: RefObject<Map<string, PaneHandle>>
): (paneId: string) => void {
  return useCallback(
    (paneId: string) => {
      let next: string | undefined
      update((w) => {
        const closed = closePane(w, paneId)
        next = closed.activePaneId
        return closed
      })
      requestAnimationFrame(() => {
        const handle = next === undefined ? undefined : paneHandles.current.get(next)
        if (handle) handle.focus()
        else document.querySelector<HTMLElement>('.library tbody tr[tabindex="0"]')?.focus()
      })
    },
    [update, paneHandles]
  )
}
