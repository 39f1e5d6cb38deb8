import { useCallback, useState } from 'react'
import { ApiFailure } from '../transport/unwrap'

/** One toast: a confirmation, or an error the analyst must read. */
export interface Message {
  id: number
  text: string
  kind: 'error' | 'info'
}

/** How long a toast stays: errors long enough to be read in full. */
const SHOWN_MS = { info: 4000, error: 12_000 }

/** The workbench's toasts: at most four at once, each fading after its time. */
export function useMessages() {
  const [messages, setMessages] = useState<Message[]>([])
  const say = useCallback((text: string, kind: Message['kind'] = 'info') => {
    const id = Date.now() + Math.random()
    setMessages((list) => [...list.slice(-3), { id, text, kind }])
    window.setTimeout(() => setMessages((list) => list.filter((m) => m.id !== id)), SHOWN_MS[kind])
  }, [])
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
