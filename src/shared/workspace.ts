import { z } from 'zod'
import { HighlightColor } from './annotation'

export const DEFAULT_COLOR_NAMES = [
  'Key point',
  'Question',
  'Evidence',
  'Dispute',
  'Person or place',
  'Background'
]

export const PaneState = z.object({
  id: z.string().min(1).max(64),
  articleId: z.string().min(1).max(128),
  /** Scroll position as a fraction of the scrollable height, so it survives resizes. */
  scroll: z.number().min(0).max(1),
  /** Relative width; panes share the row in proportion. */
  width: z.number().positive().max(100)
})
export type PaneState = z.infer<typeof PaneState>

/** The reading workspace: open panes, colours, layout. Restored after a restart. */
export const Workspace = z.object({
  panes: z.array(PaneState).max(16),
  activePaneId: z.string().max(64).optional(),
  maximizedPaneId: z.string().max(64).optional(),
  scrollSync: z.boolean(),
  colorNames: z.array(z.string().trim().min(1).max(40)).length(6),
  currentColor: HighlightColor,
  libraryWidth: z.number().min(200).max(2000),
  /** Panels folded away so the panes get their width; optional, so older workspaces load. */
  libraryCollapsed: z.boolean().optional(),
  annotationsCollapsed: z.boolean().optional()
})
export type Workspace = z.infer<typeof Workspace>

export const DEFAULT_WORKSPACE: Workspace = {
  panes: [],
  scrollSync: false,
  colorNames: DEFAULT_COLOR_NAMES,
  currentColor: 1,
  libraryWidth: 480
}
