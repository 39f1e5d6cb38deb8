/**
 * The workbench's views: reading articles, every claim in one table, the sources registry,
 * the analyst's notebooks.
 */
export const VIEWS = [
  { id: 'reader', label: 'Reader', key: '1' },
  { id: 'board', label: 'Claims board', key: '2' },
  { id: 'sources', label: 'Sources', key: '3' },
  { id: 'notebooks', label: 'Notebooks', key: '4' }
] as const

export type ViewId = (typeof VIEWS)[number]['id']
