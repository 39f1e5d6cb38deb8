import type { Shortcut } from '../workspace/shortcut'
import { matchesChord } from '../workspace/shortcut'

export type RowAction =
  'move' | 'edge' | 'details' | 'open' | 'remove' | 'restore' | 'toggle' | 'selectAll' | 'menu'

interface RowKey {
  action: RowAction
  keys: readonly string[]
  /** How the shortcut sheet writes the keys, when listing each would read badly. */
  label?: string
  description: string
}

/**
 * The keys of a focused row in the library: the one table its key handler reads and the
 * shortcut sheet lists, so the two cannot drift.
 */
export const LIBRARY_ROW_KEYS: readonly RowKey[] = [
  {
    action: 'move',
    keys: ['ArrowDown', 'ArrowUp', 'Shift+ArrowDown', 'Shift+ArrowUp'],
    label: '↑ ↓, Shift+↑ ↓',
    description: 'Move through the articles; with Shift, extend the selection'
  },
  { action: 'edge', keys: ['Home', 'End'], description: 'The first or the last article' },
  { action: 'details', keys: ['Alt+Enter'], description: 'The article’s details' },
  {
    action: 'open',
    keys: ['Enter', 'Shift+Enter'],
    description: 'Open the selection in the current pane; with Shift, beside it'
  },
  {
    action: 'remove',
    keys: ['Delete', 'Backspace'],
    description: 'Move the selection to the Trash (in the Trash: delete it for good, after asking)'
  },
  {
    action: 'restore',
    keys: ['R'],
    label: 'R in the Trash',
    description: 'Restore the selection from the Trash'
  },
  {
    action: 'toggle',
    keys: [' '],
    label: 'Space',
    description: 'Add the article to the selection, or take it out'
  },
  { action: 'selectAll', keys: ['Mod+A'], description: 'Select every article listed' },
  {
    action: 'menu',
    keys: ['Shift+F10', 'ContextMenu'],
    label: 'Shift+F10, Menu key',
    description: 'The article’s menu: open, export, details, Trash'
  }
]

/** What the key does in a library row, if anything. */
export function rowActionOf(event: KeyboardEvent): RowAction | undefined {
  return LIBRARY_ROW_KEYS.find((key) => key.keys.some((chord) => matchesChord(chord, event)))
    ?.action
}

/** The row keys as the shortcut sheet lists them (the row's own handler runs them). */
export const LIBRARY_SHEET: readonly Shortcut[] = LIBRARY_ROW_KEYS.map((key) => ({
  keys: key.keys,
  ...(key.label ? { label: key.label } : {}),
  description: key.description,
  when: 'an article in the library has the focus',
  group: 'Library',
  run: () => false
}))
