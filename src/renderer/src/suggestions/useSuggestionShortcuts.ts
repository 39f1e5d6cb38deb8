import { useEffect, useMemo, useRef } from 'react'
import type { Shortcut } from '../workspace/shortcut'

/**
 * What the suggestion keys do; each returns false when it does not apply, so that the key
 * keeps its other meanings.
 */
export interface SuggestionKeyActions {
  start(): boolean
  move(step: 1 | -1): boolean
  accept(): boolean
  reject(): boolean
  leave(): boolean
}

const suggesting = 'suggesting claims'

/**
 * The keys of suggestion mode. A and the mode's keys are free of every other table's: A is
 * not a highlight, claim or notes key (Shift+A grades reliability), and Tab, Enter, Delete and
 * Escape take these meanings only while suggesting, with the focus in the text.
 */
export function useSuggestionShortcuts(actions: SuggestionKeyActions): Shortcut[] {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  const group = 'Suggested claims'
  // The table is made once; each key runs the latest of `actions`.
  return useMemo(
    (): Shortcut[] => [
      {
        keys: ['A'],
        description:
          'Suggest claims in the active article: who says what, and how it is attributed',
        group,
        run: () => latest.current.start()
      },
      {
        keys: ['Tab'],
        description: 'Next suggestion (after the last, the focus moves on)',
        when: suggesting,
        group,
        run: () => latest.current.move(1)
      },
      {
        keys: ['Shift+Tab'],
        description: 'Previous suggestion',
        when: suggesting,
        group,
        run: () => latest.current.move(-1)
      },
      {
        keys: ['Enter'],
        description:
          'Accept the suggestion: it becomes a claim with its claimant, attribution and cue (undoable)',
        when: suggesting,
        group,
        run: () => latest.current.accept()
      },
      {
        keys: ['Delete', 'Backspace'],
        description: 'Reject the suggestion: it is not proposed again',
        when: suggesting,
        group,
        run: () => latest.current.reject()
      },
      {
        keys: ['Escape'],
        description: 'Stop suggesting (nothing is stored that was not accepted)',
        when: suggesting,
        group,
        run: () => latest.current.leave()
      }
    ],
    []
  )
}
