import { BOARD_COLUMNS } from './boardColumns'

/** How many characters each long-text cell of the board can show at once. */
export interface CellChars {
  passage: number
  statement: number
  article: number
}

/**
 * An average character's width in ems, a little over that of text in the board's fonts, so
 * a clipped cell's "…" is inside its edge (Chromium on Linux: Latin 0.41–0.42 em and
 * Cyrillic 0.45 in the serif, 0.51–0.53 and 0.57 in the sans).
 */
const SERIF_EM_PER_CHAR = 0.5
const SANS_EM_PER_CHAR = 0.58
/** A cell's padding, left and right. */
const PADDING_PX = 16
/** Widths are rounded down to this: a resize by a few pixels keeps the same rows. */
const STEP_PX = 64
/** Before the table is measured: a wide window, so no cell is ever clipped short. */
const UNMEASURED_PX = 1536
const MIN_CHARS = 8
/** The font sizes of the passage (serif) and of the other cells, in px (board.css). */
const PASSAGE_PX = 13.5
const TEXT_PX = 13

const byStep = new Map<number, CellChars>()

/**
 * The characters a table `width` px wide shows in its passage, statement and article
 * cells. Laying out the rows in view is most of a keystroke's cost, and it grows with the
 * characters shaped: the cells are given about what they can show, not a fixed number
 * that a narrow window mostly hides. One object per 64 px step, so rows re-render only
 * when the widths really change.
 */
export function cellChars(width: number): CellChars {
  // Rounded down: a cell is never given more than its width shows.
  const step = Math.max(1, Math.floor((width > 0 ? width : UNMEASURED_PX) / STEP_PX))
  let chars = byStep.get(step)
  if (chars === undefined) {
    const fits = (key: string, fontPx: number, em: number): number => {
      const share = Number.parseFloat(BOARD_COLUMNS.find((c) => c.key === key)!.width) / 100
      const px = step * STEP_PX * share - PADDING_PX
      return Math.max(MIN_CHARS, Math.floor(px / (fontPx * em)))
    }
    chars = {
      passage: fits('passage', PASSAGE_PX, SERIF_EM_PER_CHAR),
      statement: fits('statement', TEXT_PX, SANS_EM_PER_CHAR),
      article: fits('article', TEXT_PX, SANS_EM_PER_CHAR)
    }
    byStep.set(step, chars)
  }
  return chars
}
