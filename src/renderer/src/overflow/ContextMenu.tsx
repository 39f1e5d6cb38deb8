import { useLayoutEffect, useRef } from 'react'
import { onMenuKey } from './menuKeys'
import type { MenuEntry } from './OverflowMenu'

interface Props {
  label: string
  entries: readonly MenuEntry[]
  /** Where it opens: the pointer, or (from the keyboard) a point of the focused row. */
  at: { x: number; y: number }
  onChoose(key: string): void
  /** It closed, chosen or not: give the focus back to what it was opened on. */
  onClose(): void
}

/** Room kept between the menu and the window's edges. */
const EDGE = 4

/**
 * A context menu (right-click, Shift+F10 or the context-menu key): a WAI-ARIA menu that
 * opens on its first item, with the keys of the pane menus (↑ ↓ Home End, Esc, Tab). A
 * popover, so nothing clips it and a click elsewhere closes it; kept inside the window.
 */
export function ContextMenu({ label, entries, at, onChoose, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const element = menu.current
    if (!element) return
    element.showPopover()
    const { width, height } = element.getBoundingClientRect()
    element.style.left = `${Math.max(EDGE, Math.min(at.x, window.innerWidth - width - EDGE))}px`
    element.style.top = `${Math.max(EDGE, Math.min(at.y, window.innerHeight - height - EDGE))}px`
    element.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
    return () => {
      if (element.matches(':popover-open')) element.hidePopover()
    }
  }, [at])

  const closed = useRef(false)
  /** Once, however it closes: the focus goes back first, then a chosen action runs. */
  const finish = (): void => {
    if (closed.current) return
    closed.current = true
    onClose()
  }
  const close = (): void => {
    if (menu.current?.matches(':popover-open')) menu.current.hidePopover()
    finish()
  }

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="overflow-menu context-menu"
      popover="auto"
      onToggle={(event) => event.newState === 'closed' && finish()}
      onKeyDown={(event) => onMenuKey(event, close)}
    >
      {entries.map((entry) => (
        <button
          key={entry.key}
          type="button"
          role="menuitem"
          aria-disabled={entry.disabled || undefined}
          tabIndex={-1}
          onClick={() => {
            if (entry.disabled) return
            close()
            onChoose(entry.key)
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  )
}
