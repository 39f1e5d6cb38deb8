import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

/**
 * The notebooks laid over the reader. Once shown it stays mounted, hidden and inert, so
 * the open notebook, its caret and its scroll are where the analyst left them; shown again,
 * it takes the focus back to where it was, or to its first control.
 */
export function NotebooksPanel({ shown, children }: { shown: boolean; children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null)
  const focused = useRef<Element | null>(null)
  useEffect(() => {
    const panel = element.current
    if (!panel) return
    if (!shown) return
    const before = focused.current
    const target =
      before?.isConnected && panel.contains(before)
        ? before
        : panel.querySelector('.notebook-editor .ProseMirror, [data-view-focus]')
    if (target instanceof HTMLElement) target.focus()
    const remember = (): void => void (focused.current = document.activeElement)
    panel.addEventListener('focusin', remember)
    return () => panel.removeEventListener('focusin', remember)
  }, [shown])
  return (
    <div
      ref={element}
      className={`notebooks-panel${shown ? '' : ' notebooks-behind'}`}
      inert={!shown}
    >
      {children}
    </div>
  )
}
