import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKSPACE, Workspace } from '../../../src/shared/workspace'
import {
  closeArticles,
  closePane,
  MAX_PANES,
  movePane,
  openInPanes,
  resizePanes,
  toggleMaximized
} from '../../../src/renderer/src/workspace/paneLayout'

const articles = (w: Workspace): string[] => w.panes.map((p) => p.articleId)

describe('paneLayout', () => {
  it('opens in the active pane, or in new panes after it', () => {
    let w = openInPanes(DEFAULT_WORKSPACE, ['a'], false).workspace
    w = openInPanes(w, ['b', 'c'], true).workspace
    expect(articles(w)).toEqual(['a', 'b', 'c'])
    expect(w.panes.find((p) => p.id === w.activePaneId)!.articleId).toBe('c')
    w = openInPanes({ ...w, activePaneId: w.panes[0]!.id }, ['d'], false).workspace
    expect(articles(w)).toEqual(['d', 'b', 'c'])
    w = openInPanes(w, ['d'], true).workspace
    expect(articles(w)).toEqual(['d', 'b', 'c'])
    // Opened beside on purpose, one article may be shown twice.
    w = openInPanes(w, ['d'], true, true).workspace
    expect(articles(w)).toEqual(['d', 'd', 'b', 'c'])
  })

  it('never opens an article twice: its pane becomes the active one', () => {
    let w = openInPanes(DEFAULT_WORKSPACE, ['a', 'b'], true).workspace
    const opened = openInPanes(w, ['c', 'a', 'd', 'b', 'e', 'c'], true)
    w = opened.workspace
    expect(articles(w)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(opened.alreadyOpen).toBe(2)
    expect(w.panes.find((p) => p.id === w.activePaneId)!.articleId).toBe('e')
    // Opening an open article in the current pane goes to its pane instead.
    const again = openInPanes({ ...w, activePaneId: w.panes[0]!.id }, ['d'], false)
    expect(articles(again.workspace)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(again.workspace.activePaneId).toBe(w.panes[3]!.id)
    expect(again.alreadyOpen).toBe(1)
  })

  it('never opens more panes than the workspace can save, and says how many it left out', () => {
    const ids = Array.from({ length: MAX_PANES + 3 }, (_, i) => `a${i}`)
    const { workspace, dropped } = openInPanes(DEFAULT_WORKSPACE, ids, true)
    expect(workspace.panes).toHaveLength(MAX_PANES)
    expect(dropped).toBe(3)
    expect(Workspace.safeParse(workspace).success).toBe(true)
  })

  it('moves, closes and maximises panes', () => {
    let w = openInPanes(DEFAULT_WORKSPACE, ['a', 'b', 'c'], true).workspace
    w = movePane(w, 0, 1)
    expect(articles(w)).toEqual(['b', 'a', 'c'])
    expect(movePane(w, 0, -1)).toBe(w)
    w = toggleMaximized(w, w.panes[1]!.id)
    w = closePane(w, w.panes[1]!.id)
    expect(articles(w)).toEqual(['b', 'c'])
    expect(w.maximizedPaneId).toBeUndefined()
    expect(articles(closeArticles(w, ['c']))).toEqual(['b'])
  })

  it('closing the active pane makes the next one active, or the one before it at the end', () => {
    let w = openInPanes(DEFAULT_WORKSPACE, ['a', 'b', 'c'], true).workspace
    w = { ...w, activePaneId: w.panes[1]!.id }
    w = closePane(w, w.panes[1]!.id)
    expect(w.panes.find((p) => p.id === w.activePaneId)?.articleId).toBe('c')
    w = closePane(w, w.activePaneId!)
    expect(w.panes.find((p) => p.id === w.activePaneId)?.articleId).toBe('a')
  })

  it('resizes the pair of panes by a share of the row, within limits', () => {
    let w = openInPanes(DEFAULT_WORKSPACE, ['a', 'b', 'c', 'd'], true).workspace
    w = resizePanes(w, 0, 0.125) // an eighth of the row: from 1/4 to 3/8
    expect(w.panes[0]!.width / 4).toBeCloseTo(0.375)
    expect(w.panes[0]!.width + w.panes[1]!.width).toBeCloseTo(2)
    w = resizePanes(w, 0, 5)
    expect(w.panes[0]!.width / 2).toBeCloseTo(0.9)
    expect(resizePanes(w, 3, 0.1)).toBe(w)
  })
})
