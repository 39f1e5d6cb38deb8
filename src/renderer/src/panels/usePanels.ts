import { useCallback, useMemo } from 'react'
import { MENU_CHORDS } from '../../../shared/menuCommands'
import type { Workspace } from '../../../shared/workspace'
import type { Shortcut } from '../workspace/shortcut'

export type PanelName = 'library' | 'annotations'

/** The element ids of the panels, for the toggles' aria-controls. */
export const PANEL_IDS: Record<PanelName, string> = {
  library: 'library-panel',
  annotations: 'annotations-panel'
}

/** Shift+L and Shift+R: the left and the right panel (L and R alone link and refute). */
export const PANEL_CHORDS: Record<PanelName, string> = {
  library: MENU_CHORDS['toggle-library'],
  annotations: MENU_CHORDS['toggle-annotations']
}

const FIELD: Record<PanelName, 'libraryCollapsed' | 'annotationsCollapsed'> = {
  library: 'libraryCollapsed',
  annotations: 'annotationsCollapsed'
}

/**
 * Folding the library and the annotations panel away, so the panes get the width, and
 * bringing them back; saved with the workspace. Focus inside a panel that folds moves to
 * its toggle, so the keyboard is never left on something hidden.
 */
export function usePanels(update: (change: (current: Workspace) => Workspace) => void) {
  const toggle = useCallback(
    (panel: PanelName) => {
      update((w) => ({ ...w, [FIELD[panel]]: !w[FIELD[panel]] }))
      if (document.getElementById(PANEL_IDS[panel])?.contains(document.activeElement))
        document.getElementById(`${PANEL_IDS[panel]}-toggle`)?.focus()
    },
    [update]
  )

  const shortcuts = useMemo(
    (): Shortcut[] => [
      {
        keys: [PANEL_CHORDS.library],
        description: 'Show or hide the library panel',
        group: 'Workbench',
        run: () => toggle('library')
      },
      {
        keys: [PANEL_CHORDS.annotations],
        description: 'Show or hide the annotations panel',
        group: 'Workbench',
        run: () => toggle('annotations')
      }
    ],
    [toggle]
  )

  return { toggle, shortcuts }
}
