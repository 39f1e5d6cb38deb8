import { useEffect, useState } from 'react'
import { flushAllNotes, pendingChanges } from '../notes/openNotes'
import './closingSaves.css'

/** A quick flush goes unmentioned; one that takes longer than this is shown. */
export const SHOW_AFTER_MS = 300
/** Between two attempts at saving what failed while the app waits to close. */
const RETRY_EVERY_MS = 1000

/** Saves every pending note, highlight and claim, trying again until all are on disk. */
async function saveEverything(): Promise<void> {
  while (!(await flushAllNotes()))
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS))
}

function saying(count: number): string {
  return `Saving… ${count} ${count === 1 ? 'change' : 'changes'} before Dossier closes`
}

/**
 * The desktop app is quitting: its main process asks the page to save, and keeps the window
 * until it answers (asking the analyst whether to wait when that takes long). Everything
 * still pending is saved, retried until it is on disk; past a moment, a status says how
 * many changes are left. The live region is always there, so screen readers announce it.
 */
export function ClosingSaves(): React.JSX.Element {
  const [left, setLeft] = useState<number | undefined>()
  useEffect(
    () =>
      window.api.onSaveRequest?.(async () => {
        let ticker: ReturnType<typeof setInterval> | undefined
        const show = (): void => setLeft(pendingChanges())
        const shown = setTimeout(() => {
          show()
          ticker = setInterval(show, 250)
        }, SHOW_AFTER_MS)
        try {
          await saveEverything()
        } finally {
          clearTimeout(shown)
          clearInterval(ticker)
          setLeft(undefined)
        }
      }),
    []
  )
  return (
    <div
      className={left === undefined ? 'closing-saves' : 'closing-saves shown'}
      role="status"
      aria-live="polite"
    >
      {left !== undefined && saying(left)}
    </div>
  )
}
