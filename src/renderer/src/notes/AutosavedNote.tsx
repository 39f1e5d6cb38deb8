import { useRef, useState } from 'react'
import type { Ref } from 'react'
import type { Api } from '../../../shared/api'
import type { RichDoc } from '../../../shared/richText'
import type { NoteEditorHandle } from './NoteEditor'
import { NoteEditor } from './NoteEditor'
import { SaveStatus } from './SaveStatus'
import { useAutosave } from './useAutosave'

interface Props {
  initial: RichDoc
  label: string
  placeholder?: string
  /** Stores the note through `api`: the page's own, or one whose calls outlive the page. */
  save(doc: RichDoc, api: Api): Promise<void>
  /**
   * A save that failed, once per reason (the host's words: "Could not save …", or why the
   * change is refused), and a note closed with a change not yet on disk (still retried).
   */
  onError(error: unknown): void
  handle?: Ref<NoteEditorHandle>
  className?: string
}

/** A note editor that saves itself while the analyst writes, and says whether it has. */
export function AutosavedNote({ save, onError, ...editor }: Props) {
  const [problem, setProblem] = useState<string>()
  // The reason already told: retries that fail the same way say nothing new.
  const told = useRef<string>(undefined)
  const { state, changed } = useAutosave<RichDoc>(async (doc, leaving) => {
    try {
      await save(doc, leaving ? (window.api.keepalive ?? window.api) : window.api)
      setProblem(undefined)
      told.current = undefined
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      setProblem(message)
      if (told.current !== message) onError(error)
      told.current = message
      throw error
    }
  }, onError)
  return (
    <NoteEditor
      {...editor}
      onChange={changed}
      status={<SaveStatus state={state} problem={state === 'failed' ? problem : undefined} />}
    />
  )
}
