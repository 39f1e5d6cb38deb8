import { useCallback, useEffect, useRef, useState } from 'react'
import type { SaveState } from './Autosave'
import { Autosave } from './Autosave'
import { trackNote, untrackNote } from './openNotes'

/**
 * An `Autosave` for one open editor, with its state for the screen. When the editor
 * closes (card, pane, notebook, article switched), what is pending is saved at once; a
 * save that fails then keeps being retried, and is still flushed if the app goes away.
 */
export function useAutosave<T>(
  save: (value: T, leaving: boolean) => Promise<void>,
  onLostAfterClose: (error: unknown) => void
) {
  const latest = useRef({ save, onLostAfterClose })
  useEffect(() => {
    latest.current = { save, onLostAfterClose }
  })
  const [state, setState] = useState<SaveState>('saved')
  const autosave = useRef<Autosave<T>>(null)

  useEffect(() => {
    const note = new Autosave<T>({
      save: (value, leaving) => latest.current.save(value, leaving),
      onState: setState
    })
    autosave.current = note
    trackNote(note as Autosave<unknown>)
    return () => {
      autosave.current = null
      void note.flush().then((saved) => {
        if (saved) untrackNote(note as Autosave<unknown>)
        else
          latest.current.onLostAfterClose(
            new Error('A closed note could not be saved yet; Dossier keeps trying.')
          )
      })
    }
  }, [])

  /** The text changed; `read` gives it when the save starts. */
  const changed = useCallback((read: () => T) => autosave.current?.changed(read), [])
  return { state, changed }
}
