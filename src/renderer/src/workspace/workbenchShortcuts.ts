import { useEffect, useMemo, useRef } from 'react'
import type { HighlightColor } from '../../../shared/annotation'
import type { MenuCommand } from '../../../shared/menuCommands'
import { MENU_CHORDS } from '../../../shared/menuCommands'
import { SELECTION_KEYS } from '../reader/useKeyboardSelection'
import type { Shortcut } from './shortcut'

export interface WorkbenchActions {
  command(command: MenuCommand): void
  highlight(): void
  color(color: HighlightColor): void
  /** Deletes the selected highlights; false when none is selected. */
  deleteSelected(): boolean
  clearSelection(): void
  showShortcuts(): void
}

/**
 * The keys of the workbench and of highlighting. The table is made once; each key runs
 * the latest of `actions`.
 */
export function useWorkbenchShortcuts(actions: WorkbenchActions): Shortcut[] {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  const general = 'Workbench'
  const highlights = 'Highlights'
  return useMemo(
    (): Shortcut[] => [
      {
        keys: [MENU_CHORDS.undo],
        description:
          'Undo the last change (highlight, claim, link, source, Trash), shown in its article first',
        group: general,
        menu: true,
        run: () => latest.current.command('undo')
      },
      {
        keys: [MENU_CHORDS.redo, 'Mod+Y'],
        description: 'Redo',
        group: general,
        menu: true,
        run: () => latest.current.command('redo')
      },
      {
        keys: [MENU_CHORDS.find],
        description: 'Find in the active pane',
        group: general,
        menu: true,
        inFields: true,
        run: () => latest.current.command('find')
      },
      {
        keys: [MENU_CHORDS.import],
        description: 'Import files',
        group: general,
        menu: true,
        inFields: true,
        run: () => latest.current.command('import')
      },
      {
        keys: [MENU_CHORDS.paste],
        description: 'New article from pasted text',
        group: general,
        menu: true,
        inFields: true,
        run: () => latest.current.command('paste')
      },
      {
        keys: [MENU_CHORDS.shortcuts],
        description: 'Show these keys',
        group: general,
        run: () => latest.current.showShortcuts()
      },
      {
        keys: ['Escape'],
        description: 'Clear the selection',
        group: general,
        run: () => void latest.current.clearSelection()
      },
      // The pane whose text has the focus handles these keys; the entries are for the sheet.
      ...SELECTION_KEYS.map((key): Shortcut => ({
        ...key,
        when: 'the focus is in an article’s text (click it, or Tab to it)',
        group: 'Selecting text',
        run: () => false
      })),
      {
        keys: ['H'],
        description: 'Highlight the selected text',
        when: 'text is selected',
        group: highlights,
        run: () => latest.current.highlight()
      },
      {
        keys: ['1', '2', '3', '4', '5', '6'],
        label: '1–6',
        description:
          'Choose the colour of the next highlight, or recolour the highlights you selected (not the one just made)',
        group: highlights,
        run: (event) => latest.current.color(Number(event.key) as HighlightColor)
      },
      {
        keys: ['Delete', 'Backspace'],
        description: 'Delete the selected highlights',
        when: 'a highlight is selected',
        group: highlights,
        run: () => latest.current.deleteSelected()
      }
    ],
    []
  )
}
