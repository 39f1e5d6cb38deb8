import {
  Children,
  isValidElement,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState
} from 'react'
import type { ButtonHTMLAttributes, ReactElement, ReactNode } from 'react'
import { fitItems } from './fitItems'
import { measureRoom } from './measureRoom'
import { menuLabel } from './menuLabel'
import type { MenuEntry } from './OverflowMenu'
import { OverflowMenu } from './OverflowMenu'
import './overflow.css'

type ToolbarButton = ReactElement<
  ButtonHTMLAttributes<HTMLButtonElement> & { 'data-pinned'?: boolean }
>

interface Props {
  /** The toolbar's accessible name. */
  label: string
  className?: string
  /** The menu button's accessible name. */
  moreLabel?: string
  /** Buttons, in order; one with `data-pinned` always stays in the toolbar. */
  children: ReactNode
}

/** Stand-in for the "⋯" button's width until it has been rendered once. */
const MORE_WIDTH = 28

/**
 * A toolbar that never wraps: the buttons that do not fit its row move, last first, into a
 * "⋯" menu (OverflowMenu), where each keeps its name, state and action — choosing it
 * clicks the button itself, hidden but still there. Each button's width is measured while
 * it shows, and the row's room is read from the row (measureRoom), so the toolbar settles
 * in one pass and gives the buttons back as soon as there is room again.
 */
export function OverflowToolbar({ label, className, moreLabel = 'More actions', children }: Props) {
  const buttons = Children.toArray(children).filter(isValidElement) as ToolbarButton[]
  const keys = buttons.map((button) => String(button.key))
  const toolbar = useRef<HTMLDivElement>(null)
  const widths = useRef(new Map<string, number>())
  const latest = useRef({ keys, pinned: buttons.map((b) => b.props['data-pinned'] === true) })
  const [shown, setShown] = useState<ReadonlySet<string>>()

  const fit = useCallback(() => {
    const element = toolbar.current
    if (!element) return
    for (const item of element.querySelectorAll<HTMLElement>(':scope > [data-item]'))
      if (!item.hidden) widths.current.set(item.dataset.item!, item.offsetWidth)
    const more = element.querySelector<HTMLElement>(':scope > .overflow-more')
    if (more) widths.current.set('⋯', more.offsetWidth)
    const { keys, pinned } = latest.current
    // A button never seen yet (one that appeared since) is shown once to be measured.
    if (keys.some((key) => !widths.current.has(key))) return setShown(undefined)
    const visible = fitItems(
      keys.map((key) => widths.current.get(key)!),
      pinned,
      parseFloat(getComputedStyle(element).columnGap) || 0,
      widths.current.get('⋯') ?? MORE_WIDTH,
      measureRoom(element)
    )
    const next =
      visible.size === keys.length ? undefined : new Set(keys.filter((_, i) => visible.has(i)))
    setShown((current) => (sameSet(current, next) ? current : next))
  }, [])

  useLayoutEffect(() => {
    latest.current = { keys, pinned: buttons.map((b) => b.props['data-pinned'] === true) }
    fit()
  })

  useEffect(() => {
    const row = toolbar.current?.parentElement
    if (!row) return
    const observer = new ResizeObserver(fit)
    observer.observe(row)
    return () => observer.disconnect()
  }, [fit])

  const hidden = buttons.filter((button) => shown && !shown.has(String(button.key)))
  const entries: MenuEntry[] = hidden.map((button) => ({
    key: String(button.key),
    label: menuLabel(button.props),
    disabled: button.props.disabled === true,
    checked: pressedState(button.props['aria-pressed'])
  }))

  const items = buttons.map((button) => (
    <span
      key={button.key}
      className="overflow-item"
      data-item={String(button.key)}
      hidden={shown && !shown.has(String(button.key))}
    >
      {button}
    </span>
  ))
  // "⋯" goes before the pinned buttons at the end: Close stays the last.
  let menuAt = buttons.length
  while (menuAt > 0 && buttons[menuAt - 1]!.props['data-pinned'] === true) menuAt--

  return (
    <div
      ref={toolbar}
      className={`overflow-toolbar ${className ?? ''}`}
      role="toolbar"
      aria-label={label}
    >
      {items.slice(0, menuAt)}
      {entries.length > 0 && (
        <OverflowMenu
          label={moreLabel}
          entries={entries}
          onChoose={(key) =>
            toolbar.current
              ?.querySelector<HTMLElement>(`:scope > [data-item="${CSS.escape(key)}"] > button`)
              ?.click()
          }
        />
      )}
      {items.slice(menuAt)}
    </div>
  )
}

function pressedState(
  pressed: ButtonHTMLAttributes<HTMLButtonElement>['aria-pressed']
): boolean | undefined {
  if (pressed === undefined || pressed === 'mixed') return undefined
  return pressed === true || pressed === 'true'
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.size === b.size && [...a].every((key) => b.has(key))
}
