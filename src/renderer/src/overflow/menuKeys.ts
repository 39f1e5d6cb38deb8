import type { KeyboardEvent } from 'react'

/**
 * The keys of a WAI-ARIA menu of `[role^=menuitem]` elements: ↑ ↓ (wrapping), Home and
 * End move; Esc closes; Tab closes and lets the focus leave. Every other key stays in the
 * menu, so a letter never also highlights or marks a claim. Enter and Space are the items'
 * own (they are buttons).
 */
export function onMenuKey(event: KeyboardEvent<HTMLElement>, close: () => void): void {
  const list = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')]
  const at = list.indexOf(document.activeElement as HTMLElement)
  const move = (to: number): void => list[(to + list.length) % list.length]?.focus()
  if (event.key === 'Tab') return close()
  event.stopPropagation()
  if (event.key === 'ArrowDown') move(at + 1)
  else if (event.key === 'ArrowUp') move(at - 1)
  else if (event.key === 'Home') move(0)
  else if (event.key === 'End') move(list.length - 1)
  else if (event.key === 'Escape') close()
  else return
  event.preventDefault()
}
