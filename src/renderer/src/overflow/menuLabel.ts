import type { ButtonHTMLAttributes } from 'react'

/**
 * How the overflow menu names a button: its title up to a colon (the rest of a title
 * explains; the key in brackets stays, e.g. "Find (Ctrl+F)"), else its aria-label. A
 * toolbar's icon buttons carry the long aria-label ("Move Statement on … left") because
 * their toolbar does not say which pane they act on; in a menu of that pane the title reads better.
 */
export function menuLabel(props: ButtonHTMLAttributes<HTMLButtonElement>): string {
  const title = props.title?.split(':')[0]?.trim()
  return title || props['aria-label'] || 'Action'
}
