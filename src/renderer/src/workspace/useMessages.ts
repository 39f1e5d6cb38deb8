import { useCallback, useState } from 'react'
import { ApiFailure } from '../transport/unwrap'

/** What a toast offers to do next, e.g. Redo after an undo. */
export interface MessageAction {
  label: string
  run(): void
}

/** One toast: a confirmation, or an error the analyst must read. */
export interface Message {
  id: number
  text: string
  kind: 'error' | 'info'
  action?: MessageAction
}

/** How long a toast stays: errors long enough to be read in full, one with a button longer. */
const SHOWN_MS = { info: 4000, action: 8000, error: 12_000 }

/** The workbench's toasts: at most four at once, each fading after its time. */
export function useMessages() {
  const [messages, setMessages] = useState<Message[]>([])
  const say = useCallback(
    (text: string, kind: Message['kind'] = 'info', action?: MessageAction) => {
      const id = Date.now() + Math.random()
      // Only the newest toast keeps its button: an older Undo or Redo would act on a
      // different step than its words name.
      setMessages((list) => [
        ...list.slice(-3).map((m) => (action && m.action ? { ...m, action: undefined } : m)),
        { id, text, kind, ...(action ? { action } : {}) }
      ])
      window.setTimeout(
        () => setMessages((list) => list.filter((m) => m.id !== id)),
        SHOWN_MS[kind === 'info' && action ? 'action' : kind]
      )
    },
    []
  )
  /** Shows a failure in the words the core or the host wrote for the analyst. */
  const report = useCallback(
    (error: unknown) =>
      say(
        error instanceof ApiFailure || error instanceof Error ? error.message : String(error),
        'error'
      ),
    [say]
  )
  return { messages, say, report }
}
