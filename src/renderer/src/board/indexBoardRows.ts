import type { ClaimBoardRow } from '../../../shared/claim'
import { gradeCode } from '../../../shared/claim'
import { TextSignatures } from './TextSignatures'

/** One claim of the board with what filtering and sorting it needs, computed once. */
export interface BoardEntry {
  row: ClaimBoardRow
  /** Position in the rows as fetched: the claim's slot in `BoardIndex.signatures`. */
  at: number
  /** The Admiralty code, e.g. `B3`. */
  grade: string
  /**
   * Lowercase passage and statement, for the text filter: filled in idle time after the
   * board is shown (`useSearchIndexInIdleTime`), or by the first filter that needs it.
   */
  text?: string
}

/**
 * Claims of the board as positions in `BoardIndex.entries` (their `at`), in the order
 * shown: sorting, the filters and the rows in view read and make these instead of arrays
 * of entries, so a keystroke allocates one buffer outside the JavaScript heap rather than
 * tens of thousands of references the collector must trace.
 */
export type BoardOrder = Int32Array

/** A claimant as the board's filter offers it. */
export interface BoardClaimant {
  id: string
  name: string
}

export interface BoardIndex {
  entries: BoardEntry[]
  /**
   * Distinct lowercase article titles and claimant names: some 10,000 titles are searched
   * once per keystroke instead of once per claim.
   */
  titles: string[]
  claimants: string[]
  /** Per claim (by `at`): the slot of its article's title in `titles`. */
  titleOf: Int32Array
  /** Per claim (by `at`): the slot of its claimant's name in `claimants`; -1 without one. */
  claimantOf: Int32Array
  /** Every tag in use, sorted. */
  tags: string[]
  /** Every claimant in use, by name. */
  sources: BoardClaimant[]
  /** Filled in idle time after the board is shown (`useSearchIndexInIdleTime`). */
  signatures: TextSignatures
}

/** The board's rows with what the filters and sorts need, in one pass. */
export function indexBoardRows(rows: readonly ClaimBoardRow[]): BoardIndex {
  const titles: string[] = []
  const titleSlot = new Map<string, number>()
  const claimants: string[] = []
  const claimantSlot = new Map<string, number>()
  const sources = new Map<string, string>()
  const tags = new Set<string>()
  const slot = (slots: Map<string, number>, keys: string[], value: string): number => {
    let at = slots.get(value)
    if (at === undefined) {
      at = keys.push(value.toLowerCase()) - 1
      slots.set(value, at)
    }
    return at
  }
  const titleOf = new Int32Array(rows.length)
  const claimantOf = new Int32Array(rows.length)
  const entries = rows.map((row, at): BoardEntry => {
    for (const tag of row.tags) tags.add(tag)
    if (row.sourceId !== undefined) sources.set(row.sourceId, row.sourceName ?? row.sourceId)
    titleOf[at] = slot(titleSlot, titles, row.articleTitle)
    claimantOf[at] =
      row.sourceName === undefined ? -1 : slot(claimantSlot, claimants, row.sourceName)
    return { row, at, grade: gradeCode(row.reliability, row.credibility) }
  })
  return {
    entries,
    titles,
    claimants,
    titleOf,
    claimantOf,
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    sources: [...sources]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    signatures: new TextSignatures(rows.length)
  }
}

/** What the text filter searches in a claim: its passage and statement, lowercase, once. */
export function searchTextOf(entry: BoardEntry): string {
  const { exact, statement } = entry.row
  entry.text ??= (statement ? `${exact}\n${statement}` : exact).toLowerCase()
  return entry.text
}
