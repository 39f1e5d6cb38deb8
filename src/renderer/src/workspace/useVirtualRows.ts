import { useCallback, useRef, useState } from 'react'

/**
 * Windowing for a list of fixed-height rows: only rows `first`–`last` (plus `overscan` on
 * each side) need to be in the DOM. Attach `ref` and `onScroll` to the scrolling element.
 * `count` is the number of rows, or, for a list found as far as it is read, a function
 * that is given the last row the view needs and returns the count as then known.
 */
export function useVirtualRows(
  counted: number | ((needed: number) => number),
  rowHeight: number,
  overscan: number,
  /** A row kept rendered wherever the list is scrolled: the one with keyboard focus. */
  pinned?: number
) {
  const element = useRef<HTMLElement | null>(null)
  const observer = useRef<ResizeObserver | undefined>(undefined)
  /** `width` is the scroller's inner width, 0 until measured. */
  const [view, setView] = useState({ top: 0, height: 800, width: 0 })

  // The last row the view needs, and the count once the list is read that far.
  const needed = Math.ceil((view.top + view.height) / rowHeight) + overscan
  const count = typeof counted === 'number' ? counted : counted(needed)

  /** A callback ref: the scroller may mount later than the list's owner. */
  const ref = useCallback((node: HTMLElement | null) => {
    observer.current?.disconnect()
    element.current = node
    if (!node) return
    observer.current = new ResizeObserver(() =>
      setView((v) =>
        v.height === node.clientHeight && v.width === node.clientWidth
          ? v
          : { ...v, height: node.clientHeight, width: node.clientWidth }
      )
    )
    observer.current.observe(node)
  }, [])

  const onScroll = useCallback(
    (event: React.UIEvent<HTMLElement>) => {
      const top = event.currentTarget.scrollTop
      setView((v) => (Math.abs(v.top - top) < rowHeight / 2 ? v : { ...v, top }))
    },
    [rowHeight]
  )

  /**
   * Scrolls row `index` into view: the least scroll ('nearest'), or to the middle. `inset`
   * is what covers the top of the scroller (a sticky header).
   */
  const reveal = useCallback(
    (index: number, align: 'nearest' | 'center', inset = 0) => {
      const node = element.current
      if (!node || index < 0 || index >= count) return
      const top = index * rowHeight
      if (align === 'center') node.scrollTop = Math.max(0, top - node.clientHeight / 2)
      else if (top < node.scrollTop) node.scrollTop = top
      else if (top + rowHeight > node.scrollTop + node.clientHeight - inset) {
        node.scrollTop = top + rowHeight - node.clientHeight + inset
      }
      setView((v) => ({ ...v, top: node.scrollTop }))
    },
    [count, rowHeight]
  )

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan)
  const last = Math.min(count, needed)
  const indexes = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i)
  if (pinned !== undefined && pinned >= 0 && pinned < count && (pinned < first || pinned >= last)) {
    if (pinned < first) indexes.unshift(pinned)
    else indexes.push(pinned)
  }
  /** The rows to render, in order: `first`–`last`, plus the pinned row; the scroller's width. */
  return { ref, onScroll, reveal, indexes, element, width: view.width, count }
}
