import { useCallback, useRef } from 'react'
import type { KeyboardEvent, RefObject } from 'react'
import type { TextPosition } from '../../../shared/annotation'
import type { Span, Unit } from './keyboardSelection'
import { extendUnit, segment, selectUnit } from './keyboardSelection'
import type { TextIndex } from './TextIndex'

interface Options {
  text: string | undefined
  textIndex: TextIndex | undefined
  /** The scrolling body of the pane, which has the keyboard focus. */
  body: RefObject<HTMLElement | null>
  /** The element holding the text's spans. */
  container: RefObject<HTMLElement | null>
  /** The pane's current selection, as offsets. */
  selection(): TextPosition | undefined
}

/** The keys, in the words of the shortcut sheet (and the README). */
export const SELECTION_KEYS: { keys: string[]; label: string; description: string }[] = [
  { keys: [']', '['], label: '] or [', description: 'Select the next or previous sentence' },
  { keys: ['}', '{'], label: '} or {', description: 'Select the next or previous paragraph' },
  {
    keys: ['Shift+ArrowRight', 'Shift+ArrowLeft'],
    label: 'Shift+→ or Shift+←',
    description: 'Extend or shrink the selection by a word'
  },
  {
    keys: ['Shift+ArrowDown', 'Shift+ArrowUp'],
    label: 'Shift+↓ or Shift+↑',
    description: 'Extend or shrink the selection by a sentence'
  }
]

const KEYS: Record<string, { unit: Unit; direction: 1 | -1; extend: boolean }> = {
  ']': { unit: 'sentence', direction: 1, extend: false },
  '[': { unit: 'sentence', direction: -1, extend: false },
  '}': { unit: 'paragraph', direction: 1, extend: false },
  '{': { unit: 'paragraph', direction: -1, extend: false },
  'Shift+ArrowRight': { unit: 'word', direction: 1, extend: true },
  'Shift+ArrowLeft': { unit: 'word', direction: -1, extend: true },
  'Shift+ArrowDown': { unit: 'sentence', direction: 1, extend: true },
  'Shift+ArrowUp': { unit: 'sentence', direction: -1, extend: true }
}

/**
 * Selecting text without a mouse, in the pane that has the keyboard: whole sentences and
 * paragraphs, extended with Shift by words or sentences, so that H highlights and C marks a
 * claim from the keyboard alone. Starts at the caret (after a click), else at the first
 * line in view.
 */
export function useKeyboardSelection({ text, textIndex, body, container, selection }: Options) {
  // Segmenting a long article takes a moment: once per text and unit, on the first key.
  const cache = useRef<{ text: string; units: Map<Unit, Span[]> }>(undefined)
  const unitsOf = useCallback(
    (unit: Unit): Span[] => {
      if (!text) return []
      if (cache.current?.text !== text) cache.current = { text, units: new Map() }
      let units = cache.current.units.get(unit)
      if (!units) cache.current.units.set(unit, (units = segment(text, unit)))
      return units
    },
    [text]
  )

  /** Where a selection starts when there is none: the caret, else the top line in view. */
  const caret = useCallback((): number => {
    const current = window.getSelection()
    const node = current?.anchorNode
    if (textIndex && node && container.current?.contains(node)) {
      const at = textIndex.offsetAt(node, current.anchorOffset, 'start')
      if (at !== undefined) return at
    }
    const view = body.current?.getBoundingClientRect()
    const column = container.current?.getBoundingClientRect()
    if (!textIndex || !view || !column) return 0
    const point = document.caretPositionFromPoint(
      column.left + 4,
      Math.max(view.top, column.top) + 6
    )
    return (point && textIndex.offsetAt(point.offsetNode, point.offset, 'start')) ?? 0
  }, [textIndex, body, container])

  return useCallback(
    (event: KeyboardEvent<HTMLElement>): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || !textIndex) return
      const chord = event.key.startsWith('Arrow')
        ? event.shiftKey
          ? `Shift+${event.key}`
          : ''
        : event.key
      const key = KEYS[chord]
      if (!key) return
      const units = unitsOf(key.unit)
      const selected = selection()
      const next = (key.extend ? extendUnit : selectUnit)(units, selected, caret(), key.direction)
      event.preventDefault()
      if (!next) return
      const at = textIndex.rangeFor(next.start, next.end)
      if (!at) return
      const range = document.createRange()
      range.setStart(at.startContainer, at.startOffset)
      range.setEnd(at.endContainer, at.endOffset)
      const page = window.getSelection()
      page?.removeAllRanges()
      page?.addRange(range)
      textIndex.elementAt(key.direction === 1 ? next.end - 1 : next.start)?.scrollIntoView({
        block: 'nearest'
      })
    },
    [textIndex, unitsOf, selection, caret]
  )
}
