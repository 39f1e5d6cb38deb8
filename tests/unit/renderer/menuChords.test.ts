import { describe, expect, it } from 'vitest'
import { MENU_CHORDS } from '../../../src/shared/menuCommands'
import { PANEL_CHORDS } from '../../../src/renderer/src/panels/usePanels'
import { VIEWS } from '../../../src/renderer/src/views/views'

describe('the page’s keys and the desktop menu’s', () => {
  it('switch views and fold panels with the chords the menu shows', () => {
    for (const view of VIEWS) expect(view.chord).toBe(MENU_CHORDS[`view-${view.id}`])
    expect(PANEL_CHORDS).toEqual({
      library: MENU_CHORDS['toggle-library'],
      annotations: MENU_CHORDS['toggle-annotations']
    })
  })
})
