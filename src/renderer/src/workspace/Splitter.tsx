import { useRef } from 'react'

interface Props {
  label: string
  /** Shown to assistive technology as the current size. */
  value: number
  /** Called with the pointer movement in pixels and the width of the parent. */
  onDelta(pixels: number, parentWidth: number): void
}

/** A vertical splitter: drag it, or focus it and use the arrow keys. */
export function Splitter({ label, value, onDelta }: Props) {
  const last = useRef<number | undefined>(undefined)
  // The whole strip of panes, also the part scrolled out of view when they do not all fit.
  const parentWidth = (element: HTMLElement): number => {
    const parent = element.closest('.panes, .workspace')
    return parent ? Math.max(parent.scrollWidth, parent.clientWidth) : window.innerWidth
  }
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        last.current = event.clientX
      }}
      onPointerMove={(event) => {
        if (last.current === undefined) return
        const delta = event.clientX - last.current
        last.current = event.clientX
        if (delta !== 0) onDelta(delta, parentWidth(event.currentTarget))
      }}
      onPointerUp={() => (last.current = undefined)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
        event.preventDefault()
        onDelta(event.key === 'ArrowLeft' ? -24 : 24, parentWidth(event.currentTarget))
      }}
    />
  )
}
