import type { Workspace } from '../../../shared/workspace'
import { ANNOTATIONS_WIDTH } from './workspaceColumns'

/** About 45 characters of the reading font: narrower, a pane is hard to read. */
const COMFORTABLE_PANE_WIDTH = 360

/** Whether the library panel leaves `panes` panes less than a comfortable width each. */
export function libraryCrowdsPanes(workspace: Workspace, panes: number, width: number): boolean {
  const annotations = workspace.annotationsCollapsed ? 0 : ANNOTATIONS_WIDTH
  return width - workspace.libraryWidth - annotations < panes * COMFORTABLE_PANE_WIDTH
}
