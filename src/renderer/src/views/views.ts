import { MENU_CHORDS } from '../../../shared/menuCommands'

/**
 * The workbench's views: reading articles, every claim in one table, the sources registry,
 * the analyst's notebooks.
 */
export const VIEWS = [
  { id: 'reader', label: 'Reader', chord: MENU_CHORDS['view-reader'] },
  { id: 'board', label: 'Claims board', chord: MENU_CHORDS['view-board'] },
  { id: 'sources', label: 'Sources', chord: MENU_CHORDS['view-sources'] },
  { id: 'notebooks', label: 'Notebooks', chord: MENU_CHORDS['view-notebooks'] }
] as const

export type ViewId = (typeof VIEWS)[number]['id']
