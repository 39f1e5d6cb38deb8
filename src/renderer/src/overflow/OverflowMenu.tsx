import { useId, useRef, useState } from 'react'
import { onMenuKey } from './menuKeys'

export interface MenuEntry {
  key: string
  label: string
  disabled: boolean
  /** A toggle's state (aria-pressed of its button); undefined for a plain action. */
  checked: boolean | undefined
}

interface Props {
  /** The menu button's accessible name. */
  label: string
  entries: readonly MenuEntry[]
  onChoose(key: string): void
}

/** Space between the button and its menu. */
const GAP = 4

/**
 * The "⋯" button and its menu, as the WAI-ARIA menu button pattern has them: Enter, Space
 * or ↓ opens it on the first item, ↑ on the last; ↑ ↓ Home End move; Enter or Space
 * chooses; Esc closes and Tab leaves, both back to the button. The menu is a popover, so it
 * sits in the top layer where no pane's overflow clips it, and a click elsewhere closes it.
 */
export function OverflowMenu({ label, entries, onChoose }: Props) {
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const focusOnOpen = useRef<'first' | 'last'>('first')
  const [open, setOpen] = useState(false)

  const items = (): HTMLElement[] => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])
  ]
  const show = (focus: 'first' | 'last'): void => {
    focusOnOpen.current = focus
    if (!menu.current?.matches(':popover-open')) menu.current?.showPopover()
    else items()[focus === 'first' ? 0 : items().length - 1]?.focus()
  }
  const close = (): void => {
    if (menu.current?.matches(':popover-open')) menu.current.hidePopover()
    button.current?.focus()
  }
  const choose = (entry: MenuEntry): void => {
    if (entry.disabled) return
    // Back on the button first: the action may move the focus on (Find opens its field).
    close()
    onChoose(entry.key)
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="overflow-more"
        aria-label={label}
        title="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        popoverTarget={id}
        onClick={() => (focusOnOpen.current = 'first')}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
          event.preventDefault()
          show(event.key === 'ArrowDown' ? 'first' : 'last')
        }}
      >
        ⋯
      </button>
      <div
        ref={menu}
        id={id}
        role="menu"
        aria-label={label}
        className="overflow-menu"
        popover="auto"
        onBeforeToggle={(event) => {
          const anchor = button.current?.getBoundingClientRect()
          if (event.newState !== 'open' || !anchor) return
          // Right-aligned under the button (CSS translates it by its own width), or above it
          // in the lower half of the window; placed before it shows, so it never jumps.
          const upward = anchor.bottom > window.innerHeight / 2
          event.currentTarget.classList.toggle('upward', upward)
          event.currentTarget.style.left = `${anchor.right}px`
          event.currentTarget.style.top = `${upward ? anchor.top - GAP : anchor.bottom + GAP}px`
        }}
        onToggle={(event) => {
          const opened = event.newState === 'open'
          setOpen(opened)
          if (opened) items()[focusOnOpen.current === 'first' ? 0 : items().length - 1]?.focus()
        }}
        onKeyDown={(event) => onMenuKey(event, close)}
      >
        {entries.map((entry) => (
          <button
            key={entry.key}
            type="button"
            role={entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={entry.checked}
            aria-disabled={entry.disabled || undefined}
            tabIndex={-1}
            onClick={() => choose(entry)}
          >
            {entry.label}
          </button>
        ))}
      </div>
    </>
  )
}
