import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Shortcut } from '../workspace/shortcut'
import type { ViewId } from './views'
import { VIEWS } from './views'

/** A key that needs no Ctrl/Cmd acts on what the reader shows; `?` works everywhere. */
function actsInReader(shortcut: Shortcut): boolean {
  return shortcut.keys.some((chord) => !chord.startsWith('Mod+') && chord !== '?')
}

/**
 * Which view is on screen, the views opened so far (mounted from then on), and the keys
 * Ctrl/Cmd+1–4 that switch. Focus follows the view (each is marked `data-view`): back
 * where it was in that view, else on its first control (`data-view-focus`, or the first
 * it has), unless something in the view took it as it was shown.
 */
export function useView() {
  const [view, setView] = useState<ViewId>('reader')
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(() => new Set(['reader']))
  const current = useRef<ViewId>('reader')
  const focusIn = useRef(new Map<ViewId, Element>())
  const switched = useRef(false)

  const show = useCallback((next: ViewId) => {
    if (next === current.current) return
    const focused = document.activeElement
    if (focused?.closest(`[data-view="${current.current}"]`))
      focusIn.current.set(current.current, focused)
    current.current = next
    switched.current = true
    setView(next)
    setOpened((seen) => (seen.has(next) ? seen : new Set(seen).add(next)))
  }, [])

  useEffect(() => {
    // At start the focus is the page's own.
    if (!switched.current) return
    // Something in the view took the focus as it was shown (a search hit revealed there).
    if (document.activeElement?.closest(`[data-view="${view}"]`)) return
    const before = focusIn.current.get(view)
    const panel = document.querySelector(`[data-view="${view}"]`)
    const target =
      before?.isConnected === true
        ? before
        : (panel?.querySelector('[data-view-focus]') ??
          panel?.querySelector('input, button, [tabindex="0"]'))
    if (target instanceof HTMLElement) target.focus()
  }, [view])

  const shortcuts = useMemo<Shortcut[]>(
    () =>
      VIEWS.map((v) => ({
        keys: [v.chord],
        description: `Show the ${v.label.toLowerCase()}`,
        group: 'Views',
        menu: true,
        inFields: true,
        run: () => show(v.id)
      })),
    [show]
  )

  /**
   * The reader's own keys (H, 1–6, Delete, the claim keys) act only while the reader is
   * shown: the board and the registry must not recolour or delete what they hide.
   */
  const inReader = useCallback(
    (keys: readonly Shortcut[]): Shortcut[] =>
      keys.map((shortcut) =>
        actsInReader(shortcut)
          ? { ...shortcut, run: (event) => current.current === 'reader' && shortcut.run(event) }
          : shortcut
      ),
    []
  )

  /** Ctrl/Cmd+F outside the reader: focuses the view's filter; false in the reader. */
  const find = useCallback((): boolean => {
    if (current.current === 'reader') return false
    document
      .querySelector<HTMLElement>(`[data-view="${current.current}"] [data-view-focus]`)
      ?.focus()
    return true
  }, [])

  return useMemo(
    () => ({ view, show, opened, shortcuts, inReader, find }),
    [view, show, opened, shortcuts, inReader, find]
  )
}
