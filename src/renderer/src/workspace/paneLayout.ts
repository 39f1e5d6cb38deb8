import type { CSSProperties } from 'react'
import type { PaneState, Workspace } from '../../../shared/workspace'
import { formatCount } from '../format/formatCount'

const ARTICLES = { one: 'article', other: 'articles' }

/** The most panes a workspace holds (the workspace schema refuses more). */
export const MAX_PANES = 16

function newPaneId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/**
 * Opens articles: the first in the active pane (unless `inNewPane`), the others in new
 * panes after it. An article already open is not opened twice (unless `again`, one article
 * opened beside on purpose): its pane becomes the active one instead (`alreadyOpen` counts
 * them). Articles past MAX_PANES are not opened; `dropped` says how many.
 */
export function openInPanes(
  workspace: Workspace,
  articleIds: string[],
  inNewPane: boolean,
  again = false
): { workspace: Workspace; dropped: number; alreadyOpen: number } {
  let panes = [...workspace.panes]
  // New panes go after the active pane, each after the one before; an article already
  // open becomes active only if nothing new opens.
  let anchor = workspace.activePaneId
  let reopened: string | undefined
  let openedNew = false
  let dropped = 0
  let alreadyOpen = 0
  let first = true
  for (const articleId of new Set(articleIds)) {
    const open = again ? undefined : panes.find((p) => p.articleId === articleId)
    const isFirst = first
    first = false
    if (open) {
      alreadyOpen++
      reopened = open.id
      continue
    }
    const at = panes.findIndex((p) => p.id === anchor)
    if (!inNewPane && isFirst && at >= 0) {
      panes[at] = { ...panes[at]!, articleId, scroll: 0 }
      openedNew = true
      continue
    }
    if (panes.length >= MAX_PANES) {
      dropped++
      continue
    }
    const pane: PaneState = { id: newPaneId(), articleId, scroll: 0, width: 1 }
    panes = at >= 0 ? [...panes.slice(0, at + 1), pane, ...panes.slice(at + 1)] : [...panes, pane]
    anchor = pane.id
    openedNew = true
  }
  const active = openedNew ? anchor : (reopened ?? anchor)
  return {
    workspace: { ...workspace, panes, activePaneId: active, maximizedPaneId: undefined },
    dropped,
    alreadyOpen
  }
}

/** Says what an opening left out: articles already open, and those past MAX_PANES. */
export function sayOpened(
  opened: { dropped: number; alreadyOpen: number },
  asked: number,
  say: (message: string, tone?: 'error') => void
): void {
  if (opened.dropped > 0)
    say(`${formatCount(opened.dropped, ARTICLES)} not opened: close some panes first.`, 'error')
  else if (opened.alreadyOpen > 0 && asked > 1)
    say(`${formatCount(opened.alreadyOpen, ARTICLES)} already open, not opened again.`)
}

/**
 * A pane's slot: its share of the strip, and never less than a readable width. When the
 * panes do not all fit, the shares divide a strip as wide as that many readable panes
 * (which then scrolls sideways), so resizing still works (styles.css, `.pane-slot`).
 */
export function paneSlotStyle(share: number, count: number): CSSProperties {
  return { flexGrow: share, '--pane-share': share, '--pane-count': count } as CSSProperties
}

export function movePane(workspace: Workspace, index: number, direction: -1 | 1): Workspace {
  const target = index + direction
  if (target < 0 || target >= workspace.panes.length) return workspace
  const panes = [...workspace.panes]
  const [pane] = panes.splice(index, 1)
  panes.splice(target, 0, pane!)
  return { ...workspace, panes }
}

/** Closes a pane; if it was the active one, the next pane (or the one before) becomes it. */
export function closePane(workspace: Workspace, paneId: string): Workspace {
  const at = workspace.panes.findIndex((p) => p.id === paneId)
  const panes = workspace.panes.filter((p) => p.id !== paneId)
  return {
    ...workspace,
    panes,
    activePaneId:
      workspace.activePaneId === paneId
        ? panes[Math.min(at, panes.length - 1)]?.id
        : workspace.activePaneId,
    maximizedPaneId: workspace.maximizedPaneId === paneId ? undefined : workspace.maximizedPaneId
  }
}

/** Closes every pane showing one of `articleIds` (moved to the Trash, deleted). */
export function closeArticles(workspace: Workspace, articleIds: string[]): Workspace {
  const gone = new Set(articleIds)
  return workspace.panes
    .filter((p) => gone.has(p.articleId))
    .reduce((w, p) => closePane(w, p.id), workspace)
}

/**
 * Moves the border between pane `index` and the next by `deltaFraction` of the whole row;
 * neither pane gets less than a tenth of the pair.
 */
export function resizePanes(workspace: Workspace, index: number, deltaFraction: number): Workspace {
  const panes = [...workspace.panes]
  const left = panes[index]
  const right = panes[index + 1]
  if (!left || !right) return workspace
  const pair = left.width + right.width
  const total = panes.reduce((sum, p) => sum + p.width, 0)
  const share = Math.min(Math.max((left.width + deltaFraction * total) / pair, 0.1), 0.9)
  panes[index] = { ...left, width: pair * share }
  panes[index + 1] = { ...right, width: pair * (1 - share) }
  return { ...workspace, panes }
}

export function setPaneScroll(workspace: Workspace, paneId: string, scroll: number): Workspace {
  return {
    ...workspace,
    panes: workspace.panes.map((p) => (p.id === paneId ? { ...p, scroll } : p))
  }
}

export function toggleMaximized(workspace: Workspace, paneId: string): Workspace {
  return {
    ...workspace,
    maximizedPaneId: workspace.maximizedPaneId === paneId ? undefined : paneId
  }
}
